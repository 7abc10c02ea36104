using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Analyzers.Expressions;

/// <summary>A problem in an expression, at a range of the expression's text (not yet of the source file).</summary>
internal sealed record ExpressionFinding(DiagnosticDescriptor Descriptor, int Start, int Length, object[] Arguments);
