using System.Text.Json;
using Inngest.Events.Engine.History;
using Inngest.Events.Protocol;
using Inngest.Events.Runner;
using Inngest.Events.Serialization;

namespace Inngest.Events.Testing.Replay;

/// <summary>
/// Replays a recorded run against today's code of its function: one call in which every step the code reaches gets the
/// result the run stored for it (by the same hashed id, as Inngest would hand it over), nothing runs for real, and the
/// steps reached are compared with the recorded ones. To see past a new step, the replay answers it as the step it seems
/// to replace (a new run step gets the stored result of the next recorded step of its kind that the code has not reached)
/// or as ended (a new sleep, or a new wait as timed out).
/// </summary>
internal sealed class HistoryReplayer(RunHistory history) : IStepObserver
{
    private readonly object _gate = new();
    private readonly List<Reach> _trace = [];
    private readonly Dictionary<string, int> _order = history.Steps.Select((s, i) => (s.Hash, i)).ToDictionary(p => p.Hash, p => p.i, StringComparer.Ordinal);
    private readonly HashSet<string> _usedAsAnswer = new(StringComparer.Ordinal);
    private readonly List<(ReachedStep Step, Type Expected, Exception Exception)> _unreadable = [];

    private static readonly JsonElement NullData = StepMemo.EncodeData(JsonElements.Null);

    public static async Task<ReplayResult> ReplayAsync(FunctionRunner runner, InngestFunctionDefinition function, RunHistory history, string? source, CancellationToken cancellationToken)
    {
        var replayer = new HistoryReplayer(history);
        var events = history.Events.Select(e => e.Payload).ToArray();
        var request = new CallRequest
        {
            Event = events.Length > 0 ? events[0] : JsonElements.Build(w =>
            {
                w.WriteStartObject();
                w.WriteEndObject();
            }),
            Events = events,
            Ctx = new CallContext
            {
                RunId = history.Run.RunId.Length > 0 ? history.Run.RunId : "replay",
                FnId = history.Run.CompositeFunctionId,
                Stack = history.Stack,

                // Plan every new step instead of running it: a replay never runs step code.
                DisableImmediateExecution = true,
            },
        };
        var response = await runner.CallAsync(function, request, replayer, cancellationToken).ConfigureAwait(false);
        return replayer.Analyze(response, source);
    }

    public JsonElement? Reached(ReachedStep step, JsonElement? stored)
    {
        lock (_gate)
        {
            if (_order.TryGetValue(step.Hash, out var order))
            {
                var recorded = history.Steps[order];
                _trace.Add(new Reach(step, recorded, null, recorded.IsStored ? ReplayAnswer.Recorded : ReplayAnswer.PendingAsRecorded));
                return recorded.Memo;
            }

            // A new step: answer it as the recorded step it seems to replace (the next one of its kind the code has not
            // reached), so the replay can see whether that step is reached after all (the new one was added) or not (renamed).
            var replaced = history.Steps.FirstOrDefault(s =>
                string.Equals(s.Op, step.Kind, StringComparison.OrdinalIgnoreCase)
                && !_usedAsAnswer.Contains(s.Hash)
                && !_trace.Any(r => ReferenceEquals(r.Recorded, s)));
            if (replaced is not null)
            {
                _usedAsAnswer.Add(replaced.Hash);
            }

            if (replaced is { IsStored: true })
            {
                _trace.Add(new Reach(step, null, replaced, ReplayAnswer.NewAnsweredWithReplaced));
                return replaced.Memo;
            }

            if (step.Kind is OpCodes.Sleep or OpCodes.WaitForEvent)
            {
                _trace.Add(new Reach(step, null, replaced, ReplayAnswer.NewAnsweredAsEnded));
                return JsonElements.Null;
            }

            if (step.Kind is OpCodes.StepRun or OpCodes.InvokeFunction)
            {
                // Nothing recorded to stand in for it: null, so the code can go on as far as it copes with one.
                _trace.Add(new Reach(step, null, replaced, ReplayAnswer.NewAnsweredWithNull));
                return NullData;
            }

            _trace.Add(new Reach(step, null, replaced, ReplayAnswer.NewUnanswered));
            return null;
        }
    }

    public void Unreadable(ReachedStep step, Type expected, Exception exception)
    {
        lock (_gate)
        {
            _unreadable.Add((step, expected, exception));
        }
    }

    private ReplayResult Analyze(CallResponse response, string? source)
    {
        Reach[] trace;
        lock (_gate)
        {
            trace = _trace.ToArray();
        }

        List<(ReachedStep Step, Type Expected, Exception Exception)> unreadable;
        lock (_gate)
        {
            unreadable = [.. _unreadable];
        }

        var outcome = response.StatusCode == 200 ? ReplayOutcome.Completed : response.Ops.Count > 0 ? ReplayOutcome.Stopped : ReplayOutcome.Failed;
        var error = outcome == ReplayOutcome.Failed ? response.Error : null;

        // When the code fails after the replay made up an answer for a new step, the made-up answer may be why.
        var guessed = trace.Any(r => r.Answer is ReplayAnswer.NewAnsweredWithNull or ReplayAnswer.NewAnsweredWithReplaced or ReplayAnswer.NewAnsweredAsEnded);
        var divergences = new List<ReplayDivergence>();
        var reached = new HashSet<string>(trace.Where(r => r.Recorded is not null).Select(r => r.Recorded!.Hash), StringComparer.Ordinal);
        var explained = new HashSet<string>(StringComparer.Ordinal);
        // Steps the code did not reach are removed only if it got to its end as the history had it; a failure or a new
        // step the replay could not answer leaves what came after unchecked.
        var blocked = outcome == ReplayOutcome.Failed;
        RunHistoryStep? furthest = null;
        for (var i = 0; i < trace.Length; i++)
        {
            var reach = trace[i];
            var name = reach.Step.UserId;
            if (reach.Recorded is { } recorded)
            {
                Compare(reach.Step, recorded, divergences);
                if (furthest is not null && _order[recorded.Hash] < _order[furthest.Hash])
                {
                    divergences.Add(new ReplayDivergence(ReplayDivergenceKind.StepReordered, name,
                        $"Step '{name}' is now reached after '{furthest.Name}', but the recorded run reached '{name}' first; runs under way hand both their stored results back by id, so code between them now sees them in another order."));
                }
                else
                {
                    furthest = recorded;
                }

                continue;
            }

            // The code stops at a new step the replay cannot answer: what the recorded run did after it goes unchecked.
            blocked |= reach.Answer == ReplayAnswer.NewUnanswered;
            if (reach.Replaced is { } replaced && !reached.Contains(replaced.Hash))
            {
                explained.Add(replaced.Hash);
                divergences.Add(new ReplayDivergence(ReplayDivergenceKind.StepRenamed, replaced.Name ?? name, replaced.IsStored
                    ? $"Step '{replaced.Name}' ({Stored(replaced)} in the recorded run) is no longer reached; today's code calls the new step '{name}' in its place. Renaming a step loses its stored result: runs under way would run '{name}' again."
                    : $"The recorded run is {Pending(replaced)} in step '{replaced.Name}', which today's code no longer reaches; it calls the new step '{name}' in its place. When '{replaced.Name}' ends, its result goes to no step, and runs under way would do '{name}' all over again."));
                continue;
            }

            var laterStored = trace.Skip(i + 1).FirstOrDefault(r => r.Recorded is { IsStored: true })?.Recorded;
            if (laterStored is not null)
            {
                divergences.Add(new ReplayDivergence(ReplayDivergenceKind.StepAdded, name,
                    $"Step '{name}' is new and comes before '{laterStored.Name}', which the recorded run had {Stored(laterStored)}: runs under way get '{laterStored.Name}' from their history and would run '{name}' only after it."));
                continue;
            }

            if (reach.Answer == ReplayAnswer.NewUnanswered)
            {
                var next = history.Steps.FirstOrDefault(s => s.IsStored && !reached.Contains(s.Hash) && !explained.Contains(s.Hash));
                var pending = history.Steps.FirstOrDefault(s => !s.IsStored && !reached.Contains(s.Hash) && !explained.Contains(s.Hash));
                if (next is not null)
                {
                    divergences.Add(new ReplayDivergence(ReplayDivergenceKind.StepAdded, name,
                        $"Step '{name}' is new and today's code reaches it where the recorded run went on to '{next.Name}' ({Stored(next)}): runs under way would run '{name}' before going on. The replay cannot see past '{name}'."));
                }
                else if (pending is not null)
                {
                    divergences.Add(new ReplayDivergence(ReplayDivergenceKind.StepAdded, name,
                        $"Step '{name}' is new and comes before '{pending.Name}', where the recorded run is {Pending(pending)}: runs under way would run '{name}' only after '{pending.Name}' ends."));
                }

                continue;
            }

            var laterPending = trace.Skip(i + 1).FirstOrDefault(r => r.Answer == ReplayAnswer.PendingAsRecorded)?.Recorded;
            if (laterPending is not null)
            {
                divergences.Add(new ReplayDivergence(ReplayDivergenceKind.StepAdded, name,
                    $"Step '{name}' is new and comes before '{laterPending.Name}', where the recorded run is {Pending(laterPending)}: runs under way would run '{name}' only after '{laterPending.Name}' ends."));
            }
        }

        if (!blocked)
        {
            foreach (var step in history.Steps.Where(s => !reached.Contains(s.Hash) && !explained.Contains(s.Hash)))
            {
                divergences.Add(step.IsStored
                    ? new ReplayDivergence(ReplayDivergenceKind.StepRemoved, step.Name,
                        $"Step '{step.Name}' ({Stored(step)} in the recorded run) is no longer reached by today's code.")
                    : new ReplayDivergence(ReplayDivergenceKind.StepRemoved, step.Name,
                        $"The recorded run is {Pending(step)} in step '{step.Name}', which today's code no longer reaches: when it ends, its result goes to no step and the run does not go on as it would have."));
            }
        }

        foreach (var (step, expected, exception) in unreadable)
        {
            // A step of another kind cannot read its stored result either; that is said already.
            if (_order.ContainsKey(step.Hash) && !divergences.Exists(d => d.Kind == ReplayDivergenceKind.StepKindChanged && d.Step == step.UserId))
            {
                divergences.Add(new ReplayDivergence(ReplayDivergenceKind.ResultTypeChanged, step.UserId,
                    $"The stored result of step '{step.UserId}' no longer reads as '{expected}', the type today's code expects: {exception.Message}"));
            }
        }

        if (outcome == ReplayOutcome.Failed && divergences.Count == 0 && !guessed && history.Run.Status != Engine.RunStatus.Failed)
        {
            divergences.Add(new ReplayDivergence(ReplayDivergenceKind.FunctionFails, null,
                $"Given the recorded step results, today's code throws {error?.Name}: {error?.Message}, where the recorded run was {history.Run.Status}."));
        }

        var steps = trace.Select(r => new ReplayedStep(r.Step.UserId, r.Step.Index, r.Step.Kind, r.Answer)).ToArray();
        return new ReplayResult(history, source, divergences, steps, outcome, outcome == ReplayOutcome.Completed ? response.Result : null, error);
    }

    /// <summary>Compares a step that kept its id with its recorded self: its kind, and what a wait waits for or an invoke invokes.</summary>
    private static void Compare(ReachedStep step, RunHistoryStep recorded, List<ReplayDivergence> divergences)
    {
        var name = step.UserId;
        if (!string.Equals(recorded.Op, step.Kind, StringComparison.OrdinalIgnoreCase))
        {
            divergences.Add(new ReplayDivergence(ReplayDivergenceKind.StepKindChanged, name,
                $"Step '{name}' was a {recorded.Op} in the recorded run and is a {step.Kind} now: runs under way would read its stored result ({Stored(recorded)}) as a {step.Kind}'s."));
            return;
        }

        switch (step.Kind)
        {
            case OpCodes.WaitForEvent:
                var wasEvent = Option(recorded.Opts, "event");
                var isEvent = Option(step.Opts, "event");
                if (wasEvent is not null && wasEvent != isEvent)
                {
                    divergences.Add(new ReplayDivergence(ReplayDivergenceKind.WaitChanged, name,
                        $"The wait '{name}' waited for '{wasEvent}' in the recorded run and waits for '{isEvent}' now; a run waiting in it keeps waiting for '{wasEvent}'."));
                }

                var wasIf = Option(recorded.Opts, "if");
                var isIf = Option(step.Opts, "if");
                if (recorded.Opts is not null && wasIf != isIf)
                {
                    divergences.Add(new ReplayDivergence(ReplayDivergenceKind.WaitChanged, name,
                        $"The condition of the wait '{name}' changed from {Quote(wasIf)} to {Quote(isIf)}; a run waiting in it keeps the old one{(recorded.IsStored ? ", and the event the recorded run received might not match the new one" : string.Empty)}."));
                }

                break;
            case OpCodes.InvokeFunction:
                var wasTarget = Option(recorded.Opts, "function_id");
                var isTarget = Option(step.Opts, "function_id");
                if (wasTarget is not null && wasTarget != isTarget)
                {
                    divergences.Add(new ReplayDivergence(ReplayDivergenceKind.InvokeTargetChanged, name,
                        $"The invoke '{name}' invoked '{wasTarget}' in the recorded run and invokes '{isTarget}' now; a run under way keeps the result of '{wasTarget}'."));
                }

                break;
        }
    }

    private static string? Option(JsonElement? opts, string name)
        => opts is { ValueKind: JsonValueKind.Object } o && o.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Quote(string? expression) => expression is null ? "none" : $"`{expression}`";

    private static string Stored(RunHistoryStep step) => step.Status switch
    {
        Engine.StepStatus.Failed => "failed",
        Engine.StepStatus.TimedOut => "timed out",
        _ => "completed",
    };

    private static string Pending(RunHistoryStep step) => step.Status switch
    {
        Engine.StepStatus.Sleeping => "sleeping",
        Engine.StepStatus.Waiting => "waiting for an event",
        Engine.StepStatus.Invoking => "invoking a function",
        Engine.StepStatus.Retrying => "retrying",
        _ => "about to run",
    };

    /// <summary>A step the code reached: its recorded self (same hash), or the recorded step it was answered as, and what it got.</summary>
    private sealed record Reach(ReachedStep Step, RunHistoryStep? Recorded, RunHistoryStep? Replaced, ReplayAnswer Answer);
}
