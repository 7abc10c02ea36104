using Inngest.Events.Engine;
using Inngest.Events.Engine.Apps;

namespace Inngest.Events.DevServer.Ui.Pages;

/// <summary>
/// What an event did: the runs it started, the runs it would have started and did not (deduplicated, rate limited,
/// debounced, a singleton running), why it started none when nothing triggers on it or no trigger's condition held,
/// and the waits it resumed and runs it cancelled.
/// </summary>
internal sealed record EventOutcome(
    IReadOnlyList<RunRecord> Runs,
    IReadOnlyList<SkippedRun> Skipped,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<(RunRecord Run, RunTimelineEntry Entry)> Effects)
{
    public static EventOutcome Of(EventRecord evt, IReadOnlyList<RunRecord> runs, IReadOnlyList<SkippedRun> skipped, IReadOnlyList<FunctionDescription> functions)
    {
        var started = runs.Where(r => r.EventIds.Contains(evt.InternalId, StringComparer.Ordinal)).ToArray();
        var notStarted = skipped.Where(s => s.EventInternalId == evt.InternalId).ToArray();
        var marker = $"({evt.InternalId})";
        var effects = runs
            .SelectMany(r => r.Timeline.Where(e => e.Kind is RunTimelineKind.EventMatched or RunTimelineKind.Cancelled && e.Message.EndsWith(marker, StringComparison.Ordinal)).Select(e => (r, e)))
            .ToArray();
        var reasons = new List<string>();
        var triggered = functions.Where(f => f.Definition.Triggers.Any(t => t.Event == evt.Name)).ToArray();
        foreach (var function in triggered)
        {
            if (started.Any(r => r.CompositeFunctionId == function.CompositeId) || notStarted.Any(s => s.CompositeFunctionId == function.CompositeId))
            {
                continue;
            }

            var config = function.Definition.Config;
            var conditions = function.Definition.Triggers.Where(t => t.Event == evt.Name).Select(t => t.Expression).ToArray();
            if (conditions.All(c => c is not null))
            {
                reasons.Add($"No trigger matched: {function.CompositeId} runs on '{evt.Name}' only if {string.Join(" or ", conditions)}, which did not hold.");
            }
            else if (config.Debounce is not null)
            {
                reasons.Add($"Debounced: {function.CompositeId} waits {config.Debounce.Period} for more events before it runs (no run yet).");
            }
            else if (config.BatchEvents is not null)
            {
                reasons.Add($"Batched: {function.CompositeId} collects up to {config.BatchEvents.MaxSize} events or {config.BatchEvents.Timeout} before it runs (no run yet).");
            }
            else
            {
                reasons.Add($"{function.CompositeId} is triggered by '{evt.Name}' but started no run from it (it was synced after the event arrived, or the run is queued).");
            }
        }

        if (triggered.Length == 0 && started.Length == 0 && notStarted.Length == 0)
        {
            reasons.Add($"No function is triggered by '{evt.Name}'.");
        }

        return new EventOutcome(started, notStarted, reasons, effects);
    }

    /// <summary>A one-line summary for the events list.</summary>
    public string Summary
    {
        get
        {
            var parts = new List<string>();
            if (Runs.Count > 0)
            {
                parts.Add(Runs.Count == 1 ? "1 run" : $"{Runs.Count} runs");
            }

            foreach (var group in Skipped.GroupBy(s => s.Reason))
            {
                parts.Add($"{group.Count()} {Reason(group.Key)}");
            }

            var resumed = Effects.Count(e => e.Entry.Kind == RunTimelineKind.EventMatched);
            if (resumed > 0)
            {
                parts.Add(resumed == 1 ? "resumed 1 wait" : $"resumed {resumed} waits");
            }

            var cancelled = Effects.Count(e => e.Entry.Kind == RunTimelineKind.Cancelled);
            if (cancelled > 0)
            {
                parts.Add(cancelled == 1 ? "cancelled 1 run" : $"cancelled {cancelled} runs");
            }

            if (parts.Count == 0)
            {
                parts.Add(Reasons.Count > 0 && Reasons[0].StartsWith("No function", StringComparison.Ordinal) ? "no trigger" : Reasons.Count > 0 ? "no run" : "—");
            }

            return string.Join(", ", parts);
        }
    }

    public static string Reason(SkipReason reason) => reason switch
    {
        SkipReason.Idempotency => "deduplicated",
        SkipReason.RateLimit => "rate limited",
        SkipReason.Debounce => "debounced",
        SkipReason.Singleton => "skipped (singleton)",
        _ => reason.ToString().ToLowerInvariant(),
    };
}
