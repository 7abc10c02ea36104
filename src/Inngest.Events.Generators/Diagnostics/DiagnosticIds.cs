namespace Inngest.Events.Generators.Diagnostics;

/// <summary>
/// Diagnostic ids: INNG1xxx event definitions and names, INNG2xxx functions and triggers, INNG3xxx sending, ids
/// and steps, INNG4xxx expressions and durations.
/// </summary>
internal static class DiagnosticIds
{
    public const string EventTypeNotPartial = "INNG1001";
    public const string EventTypeGeneric = "INNG1002";
    public const string UnsupportedMemberType = "INNG1003";
    public const string IdTemplateUnknownPlaceholder = "INNG1004";
    public const string IdTemplateMalformed = "INNG1005";
}
