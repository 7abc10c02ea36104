using Inngest.Events.Engine.Execution;
using Inngest.Events.Engine.Scheduling;
using Inngest.Events.Engine.Store;
using Inngest.Events.Protocol;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine.Internal;

/// <summary>
/// Rebuilds an engine's working state from its store when it starts: apps, keys, unfinished runs with their steps and
/// pauses, buffers and timers (overdue ones fire at the first dispatch), then sets the cron timers of functions that
/// have none. A run whose function is no longer registered is cancelled with the reason. Under the lock.
/// </summary>
internal static class EngineLoader
{
    public static void Load(EngineParts parts, EngineState state)
    {
        var context = parts.Context;
        var counters = state.Counters;
        context.EventSequence = counters.Events;
        context.TimerSequence = counters.Timers;
        context.TokenSequence = counters.Tokens;
        context.AppSyncSequence = counters.AppSyncs;

        parts.Apps.Load(state.Apps);
        parts.Ingestor.Load(state.Keys);
        parts.Idempotency.Load(state.Keys);
        parts.RateLimit.Load(state.Keys);
        parts.Throttle.Load(state.Keys);
        parts.Debounce.Load(state.Debounces);
        parts.Batch.Load(state.Batches);

        var orphans = new List<RunState>();
        var runs = new Dictionary<string, RunState>(StringComparer.Ordinal);
        foreach (var stored in state.Runs)
        {
            var function = parts.Apps.Find(stored.CompositeFunctionId);
            var run = RunState.FromStored(stored, function ?? Placeholder(stored), ++context.RunSequence);
            runs.Add(run.RunId, run);
            if (function is null)
            {
                orphans.Add(run);
            }
        }

        foreach (var stored in state.Steps)
        {
            if (!runs.TryGetValue(stored.RunId, out var run))
            {
                continue;
            }

            var step = StepState.FromStored(stored);
            run.Steps.Add(step);
            run.StepsByHash[step.Hash] = step;
        }

        foreach (var run in runs.Values)
        {
            run.Steps.Sort((a, b) => a.Order.CompareTo(b.Order));
            foreach (var step in run.Steps.Where(s => s.StackIndex is not null).OrderBy(s => s.StackIndex))
            {
                run.Stack.Add(step.Hash);
                run.Memo[step.Hash] = step.Memo ?? JsonValues.Null;
            }

            parts.Runs.Add(run);
        }

        foreach (var stored in state.Pending)
        {
            if (runs.TryGetValue(stored.RunId, out var run))
            {
                run.Pending[stored.Hash] = PendingStep.FromStored(stored);
            }
        }

        parts.Singleton.Load(runs.Values);

        var crons = new HashSet<(string FunctionId, string? Expression)>();
        foreach (var stored in state.Timers)
        {
            if (!Restore(parts, stored, runs, crons))
            {
                context.Changes.TimerDeleted(stored.Id);
            }
        }

        // Waits are indexed once their timers are attached (a wait without its timer would never expire).
        foreach (var run in runs.Values)
        {
            foreach (var pending in run.Pending.Values)
            {
                if (pending.Kind == PendingKind.Wait)
                {
                    parts.Waits.Add(run, pending);
                }
            }
        }

        var now = context.Now;
        foreach (var function in parts.Apps.Functions)
        {
            var compositeId = parts.Apps.CompositeIdOf(function);
            foreach (var trigger in function.Triggers)
            {
                if (trigger.Cron is { Length: > 0 } && !crons.Contains((compositeId, trigger.Cron)))
                {
                    parts.Crons.Schedule(function, trigger, compositeId, now);
                }
            }
        }

        foreach (var run in orphans)
        {
            parts.Finalizer.Cancel(run, $"its function '{run.CompositeId}' is no longer registered");
        }

        if (state.Runs.Count > 0)
        {
            context.Logger.LogInformation("The embedded Inngest engine resumed {Count} unfinished run(s) from its store.", state.Runs.Count);
        }
    }

    private static bool Restore(EngineParts parts, StoredTimer stored, Dictionary<string, RunState> runs, HashSet<(string, string?)> crons)
    {
        switch (stored.Kind)
        {
            case TimerKind.Cron:
                if (parts.Crons.Restore(stored))
                {
                    crons.Add((stored.FunctionId!, stored.Expression));
                    return true;
                }

                return false;
            case TimerKind.Debounce:
                return parts.Debounce.Restore(stored);
            case TimerKind.Batch:
                return parts.Batch.Restore(stored);
        }

        if (stored.RunId is null || !runs.TryGetValue(stored.RunId, out var run))
        {
            return false;
        }

        switch (stored.Kind)
        {
            case TimerKind.Call:
                var call = new CallWork(run, stored.StepId ?? StepIds.Discovery, stored.Attempt, stored.AfterPause);
                run.Outstanding.Add(call);
                if (call.IsDiscovery)
                {
                    run.DiscoveryScheduled = true;
                }

                parts.Timers.Restore(call, stored.Id, stored.Due);
                return true;
            case TimerKind.StartTimeout or TimerKind.FinishTimeout:
                var timeout = new RunTimer(stored.Kind, run, null, 0);
                if (stored.Kind == TimerKind.StartTimeout)
                {
                    run.StartTimer = timeout;
                }
                else
                {
                    run.FinishTimer = timeout;
                }

                parts.Timers.Restore(timeout, stored.Id, stored.Due);
                return true;
            default:
                if (stored.StepId is null || !run.Pending.TryGetValue(stored.StepId, out var pending) || pending.Token != stored.Token)
                {
                    return false;
                }

                var timer = new RunTimer(stored.Kind, run, stored.StepId, stored.Token);
                pending.Timer = timer;
                parts.Timers.Restore(timer, stored.Id, stored.Due);
                return true;
        }
    }

    /// <summary>Stands in for a function that is gone, so its runs can be cancelled like any other.</summary>
    private static InngestFunctionDefinition Placeholder(StoredRun run) => new()
    {
        Id = run.FunctionId,
        Handler = static _ => throw new InvalidOperationException("The function is no longer registered."),
    };
}
