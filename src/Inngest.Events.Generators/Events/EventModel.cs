using Inngest.Events.Generators.Json;
using Inngest.Events.Generators.Shared;

namespace Inngest.Events.Generators.Events;

/// <summary>Everything the emitter needs for one [Event] type, as values.</summary>
/// <param name="TypeName">The name as declared (escaped, with type parameters).</param>
/// <param name="JsonUnavailable">
/// When the type's JSON cannot be generated (an error the generator reports): the message its serializer throws.
/// </param>
internal sealed record EventModel(
    string HintName,
    string? Namespace,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string DeclarationKeyword,
    string TypeName,
    string FullyQualifiedName,
    string EventName,
    string? Version,
    EquatableArray<IdTemplatePart> IdTemplate,
    bool HasIdTemplate,
    EquatableArray<string> ExplicitMembers,
    EquatableArray<JsonTypeModel> JsonTypes,
    string? JsonUnavailable);

/// <summary>A type that contains the event type: its keyword (class, record struct, ...) and name.</summary>
internal sealed record ContainingTypeModel(string DeclarationKeyword, string Name);

/// <summary>A literal run of an Id template, or a property placeholder.</summary>
internal sealed record IdTemplatePart(bool IsProperty, string Text);

/// <summary>The parser's result for one [Event] type: a model when it can generate, and diagnostics.</summary>
internal sealed record EventParseResult(EventModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
