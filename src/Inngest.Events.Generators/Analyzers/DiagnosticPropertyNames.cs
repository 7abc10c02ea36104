namespace Inngest.Events.Generators.Analyzers;

/// <summary>Keys of <c>Diagnostic.Properties</c> through which the analyzers hand their fixes to the code fix providers.</summary>
internal static class DiagnosticPropertyNames
{
    /// <summary>The event name a rename fix writes in place of the string literal at the diagnostic's location.</summary>
    public const string FixedEventName = "FixedEventName";

    /// <summary>The event slug (<c>invoice-paid</c>) a dedup-id fix puts in front of the id.</summary>
    public const string EventSlug = "EventSlug";
}
