using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Json;

/// <summary>One constructor parameter: its name, its type, and its default value when it has one other than null.</summary>
internal sealed record ConstructorParameterFacts(string Name, ITypeSymbol Type, object? DefaultValue);
