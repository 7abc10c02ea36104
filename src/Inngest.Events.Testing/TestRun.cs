using System.Text;
using System.Text.Json;
using Inngest.Events.Engine;
using Inngest.Events.Engine.History;
using Inngest.Events.Protocol;

namespace Inngest.Events.Testing;

/// <summary>
/// A snapshot of a run in an <see cref="InngestTestHost"/>: status, output, error, steps with their attempts, inputs and
/// outputs, the events its steps sent, and its timeline; with assertions whose failures quote the timeline. Take a new
/// snapshot (<see cref="InngestTestHost.Run(string)"/>) to see later changes.
/// </summary>
public class TestRun
{
    private readonly TestRunContext _context;
    private IReadOnlyList<TestStep>? _steps;

    internal TestRun(RunRecord record, TestRunContext context)
    {
        Record = record;
        _context = context;
    }

    /// <summary>The engine's record of the run (its calls included).</summary>
    public RunRecord Record { get; }

    /// <summary>The run id.</summary>
    public string RunId => Record.RunId;

    /// <summary>The function's id.</summary>
    public string FunctionId => Record.FunctionId;

    /// <summary>Where the run stands.</summary>
    public RunStatus Status => Record.Status;

    /// <summary>Whether the run has ended (completed, failed or cancelled).</summary>
    public bool IsFinished => Record.IsFinished;

    /// <summary>The function's result as JSON, once completed (JSON <c>null</c> for a function that returns nothing).</summary>
    public JsonElement? Output => Record.Result;

    /// <summary>The error that failed the run.</summary>
    public StepError? Error => Record.Error;

    /// <summary>Why the run was cancelled.</summary>
    public string? CancellationReason => Record.CancellationReason;

    /// <summary>When the run was created, by the virtual clock.</summary>
    public DateTimeOffset CreatedAt => Record.CreatedAt;

    /// <summary>When the run ended, by the virtual clock.</summary>
    public DateTimeOffset? EndedAt => Record.EndedAt;

    /// <summary>The triggering event (the first of a batch).</summary>
    public JsonElement Event => Record.Event;

    /// <summary>The steps, in the order the run first reported them.</summary>
    public IReadOnlyList<TestStep> Steps => _steps ??= CreateSteps();

    /// <summary>What happened to the run, in order.</summary>
    public IReadOnlyList<RunTimelineEntry> Timeline => Record.Timeline;

    /// <summary>The step with the user id <paramref name="name"/> (its first use).</summary>
    /// <exception cref="InngestAssertionException">The run has no such step; the message lists the steps it has, and its timeline.</exception>
    public TestStep Step(string name)
        => Steps.FirstOrDefault(s => s.Name == name)
            ?? throw new InngestAssertionException(
                $"The run {RunId} of '{FunctionId}' has no step '{name}'; its steps are {(Steps.Count == 0 ? "none" : string.Join(", ", Steps.Select(s => $"'{s.Name}'")))}.{Environment.NewLine}{Describe()}");

    /// <summary>Whether the run has a step with the user id <paramref name="name"/>.</summary>
    public bool HasStep(string name) => Steps.Any(s => s.Name == name);

    /// <summary>The function's result read as <typeparamref name="T"/>.</summary>
    /// <exception cref="InngestAssertionException">The run has not completed, or its result is not a <typeparamref name="T"/>.</exception>
    public T OutputAs<T>()
    {
        AssertCompleted();
        return TypedValues.Read<T>(Output!.Value, _context.Types, $"the output of run {RunId} of '{FunctionId}'");
    }

    /// <summary>The triggering event as a typed envelope.</summary>
    public Event<T> EventAs<T>()
        where T : IEventData<T>
        => EventReader.Read<T>(Record.Event);

    /// <summary>The <typeparamref name="T"/> events this run's <c>step.SendEventAsync</c> steps sent, in the order they were sent.</summary>
    public IReadOnlyList<Event<T>> SentEvents<T>()
        where T : IEventData<T>
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in Record.Steps)
        {
            if (step.Status == StepStatus.Completed && step.Output is { ValueKind: JsonValueKind.Object } output
                && output.TryGetProperty("ids", out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var id in list.EnumerateArray())
                {
                    if (id.GetString() is { } text)
                    {
                        ids.Add(text);
                    }
                }
            }
        }

        return _context.Engine.Events
            .Where(e => e.Name == T.EventName && ids.Contains(e.InternalId))
            .Select(e => EventReader.Read<T>(e.Payload))
            .ToArray();
    }

    /// <summary>The run as a history document (<c>inngest-events/run-history</c>), to save and replay later.</summary>
    public RunHistory ToHistory() => RunHistory.FromRun(Record, _context.AppId, _context.Clock.GetUtcNow());

    /// <summary>Asserts the run completed.</summary>
    /// <exception cref="InngestAssertionException">It did not; the message has its timeline.</exception>
    public TestRun AssertCompleted() => AssertStatus(RunStatus.Completed);

    /// <summary>Asserts the run failed, with an error whose message contains <paramref name="messageContains"/> when given.</summary>
    /// <exception cref="InngestAssertionException">It did not; the message has its timeline.</exception>
    public TestRun AssertFailed(string? messageContains = null)
    {
        AssertStatus(RunStatus.Failed);
        if (messageContains is not null && Error?.Message.Contains(messageContains, StringComparison.Ordinal) != true)
        {
            throw new InngestAssertionException(
                $"Expected the run {RunId} of '{FunctionId}' to fail with an error containing \"{messageContains}\", but it failed with {Error?.Name}: {Error?.Message}{Environment.NewLine}{Describe()}");
        }

        return this;
    }

    /// <summary>Asserts the run was cancelled.</summary>
    /// <exception cref="InngestAssertionException">It was not; the message has its timeline.</exception>
    public TestRun AssertCancelled() => AssertStatus(RunStatus.Cancelled);

    /// <summary>Asserts the run stands at <paramref name="status"/>.</summary>
    /// <exception cref="InngestAssertionException">It does not; the message has its timeline.</exception>
    public TestRun AssertStatus(RunStatus status)
    {
        if (Status != status)
        {
            throw new InngestAssertionException($"Expected the run {RunId} of '{FunctionId}' to be {status}, but it is {Status}{Outcome()}.{Environment.NewLine}{Describe()}");
        }

        return this;
    }

    /// <summary>The run with its steps and timeline, as assertion messages show it.</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("run ").Append(RunId).Append(" of '").Append(FunctionId).Append("': ").Append(Status).Append(Outcome()).AppendLine();
        foreach (var entry in Timeline)
        {
            text.Append("  ").Append(_context.Clock.Format(entry.Time).PadRight(14)).Append(entry.Message).AppendLine();
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>The run's id, function and status.</summary>
    public override string ToString() => $"run {RunId} of '{FunctionId}': {Status}{Outcome()}";

    private string Outcome() => Status switch
    {
        RunStatus.Completed when Output is { } output => $" with {TypedValues.Shorten(output.GetRawText())}",
        RunStatus.Failed when Error is { } error => $" ({error.Name}: {error.Message})",
        RunStatus.Cancelled when CancellationReason is { } reason => $" ({reason})",
        _ => string.Empty,
    };

    private TestStep[] CreateSteps()
    {
        var opts = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var call in Record.Calls)
        {
            foreach (var op in call.Response.Ops)
            {
                if (op.Opts is { } o)
                {
                    opts.TryAdd(op.Id, o);
                }

                if (op.UserlandIndex is { } index)
                {
                    indexes.TryAdd(op.Id, index);
                }
            }
        }

        return Record.Steps
            .Select(s => new TestStep(s, opts.TryGetValue(s.Hash, out var o) ? o : null, indexes.TryGetValue(s.Hash, out var i) ? i : null, _context))
            .ToArray();
    }
}
