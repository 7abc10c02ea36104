using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Diagnostics;

/// <summary>The catalogue of every diagnostic this package reports.</summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "Inngest.Events";
    public const string HelpLinkBase = "https://github.com/inngest-events/inngest-events-dotnet/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor EventTypeNotPartial = Create(
        DiagnosticIds.EventTypeNotPartial,
        "Event types must be partial",
        "The type '{0}' must be declared partial so that Inngest.Events can generate its event members and JSON serializer{1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EventTypeGeneric = Create(
        DiagnosticIds.EventTypeGeneric,
        "Event types cannot be generic",
        "The event type '{0}' is generic (or nested in a generic type); an event name maps to one concrete data shape, so declare a non-generic type per event",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Create(
        DiagnosticIds.UnsupportedMemberType,
        "Member type not supported by the generated serializer",
        "The property '{0}' of '{1}' has the type '{2}', which the generated JSON serializer cannot handle ({3}); use a supported type, or put [JsonConverter(typeof(...))] on the property or the type",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor IdTemplateUnknownPlaceholder = Create(
        DiagnosticIds.IdTemplateUnknownPlaceholder,
        "Id template placeholder is not a property",
        "The Id template \"{0}\" of the event type '{1}' uses the placeholder '{{{2}}}', but '{1}' has no readable property named '{2}'{3}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor IdTemplateMalformed = Create(
        DiagnosticIds.IdTemplateMalformed,
        "Id template is malformed",
        "The Id template \"{0}\" of the event type '{1}' is malformed: {2}",
        DiagnosticSeverity.Error);

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        EventTypeNotPartial, EventTypeGeneric, UnsupportedMemberType, IdTemplateUnknownPlaceholder, IdTemplateMalformed);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(static d => d.Id);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity)
        => new(id, title, message, Category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
