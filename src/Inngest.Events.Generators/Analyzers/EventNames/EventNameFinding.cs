using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Analyzers.EventNames;

/// <summary>One problem with an event name, with the replacement name a fix would write (if one can be derived).</summary>
internal readonly record struct EventNameFinding(DiagnosticDescriptor Descriptor, object[] Arguments, string? FixedName);
