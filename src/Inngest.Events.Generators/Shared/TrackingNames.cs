namespace Inngest.Events.Generators.Shared;

/// <summary>Names of the generator's pipeline steps, so tests can check what a rerun took from the cache.</summary>
internal static class TrackingNames
{
    public const string EventModels = nameof(EventModels);
    public const string EventDiagnostics = nameof(EventDiagnostics);
    public const string EventSources = nameof(EventSources);
}
