using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Json;

/// <summary>An attribute bound by <see cref="AttributeBinder"/>: its constructor, arguments, and the model that binds them.</summary>
internal sealed record BoundAttribute(IMethodSymbol Constructor, SeparatedSyntaxList<AttributeArgumentSyntax> Arguments, SemanticModel Model);
