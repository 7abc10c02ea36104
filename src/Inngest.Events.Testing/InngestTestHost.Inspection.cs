using Inngest.Events.Engine;
using Inngest.Events.Engine.Store;

namespace Inngest.Events.Testing;

public sealed partial class InngestTestHost
{
    /// <summary>The ids of the functions the engine runs (with the failure handlers and the stand-ins of mocked invoke targets), sorted.</summary>
    public IReadOnlyList<string> FunctionIds => Engine.Runner.Registry.Functions.Select(f => f.Id).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Every run, in the order they were created.</summary>
    public IReadOnlyList<TestRun> Runs => Engine.Runs.Select(r => new TestRun(r, RunContext)).ToArray();

    /// <summary>The runs of <paramref name="functionId"/>, in the order they were created.</summary>
    public IReadOnlyList<TestRun> RunsOf(string functionId)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionId);
        return Engine.Runs.Where(r => r.FunctionId == functionId).Select(r => new TestRun(r, RunContext)).ToArray();
    }

    /// <summary>The runs of <paramref name="function"/>, whose results read as <typeparamref name="TResult"/>.</summary>
    public IReadOnlyList<TestRun<TResult>> RunsOf<TData, TResult>(FunctionReference<TData, TResult> function)
        where TData : IEventData<TData>
    {
        ArgumentNullException.ThrowIfNull(function);
        var id = FunctionIdOf(function);
        return Engine.Runs.Where(r => r.FunctionId == id).Select(r => new TestRun<TResult>(r, RunContext)).ToArray();
    }

    /// <summary>The one run of <paramref name="functionId"/>.</summary>
    /// <exception cref="InngestAssertionException">It has none, or more than one; the message shows them.</exception>
    public TestRun SingleRun(string functionId)
    {
        var runs = RunsOf(functionId);
        if (runs.Count == 1)
        {
            return runs[0];
        }

        EnsureFunction(functionId);
        throw new InngestAssertionException(runs.Count == 0
            ? $"Expected one run of '{functionId}', but it has none.{Environment.NewLine}{DescribeState()}"
            : $"Expected one run of '{functionId}', but it has {runs.Count}:{Environment.NewLine}{string.Join(Environment.NewLine, runs.Select(r => r.Describe()))}");
    }

    /// <summary>The one run of <paramref name="function"/>, whose result reads as <typeparamref name="TResult"/>.</summary>
    /// <exception cref="InngestAssertionException">It has none, or more than one.</exception>
    public TestRun<TResult> SingleRun<TData, TResult>(FunctionReference<TData, TResult> function)
        where TData : IEventData<TData>
    {
        ArgumentNullException.ThrowIfNull(function);
        return Typed<TResult>(SingleRun(FunctionIdOf(function)));
    }

    /// <summary>A fresh snapshot of the run <paramref name="runId"/>.</summary>
    /// <exception cref="InngestAssertionException">There is no such run.</exception>
    public TestRun Run(string runId)
        => Engine.GetRun(runId) is { } record ? new TestRun(record, RunContext) : throw new InngestAssertionException($"There is no run '{runId}'.");

    /// <summary>Every event the engine received (the test's, the functions', system events), in order.</summary>
    public IReadOnlyList<EventRecord> Events => Engine.Events;

    /// <summary>Every <typeparamref name="T"/> event the engine received, in order.</summary>
    public IReadOnlyList<Event<T>> EventsOf<T>()
        where T : IEventData<T>
        => Engine.Events.Where(e => e.Name == T.EventName).Select(e => EventReader.Read<T>(e.Payload)).ToArray();

    /// <summary>
    /// The <typeparamref name="T"/> events the code under test sent (its functions' <c>step.SendEventAsync</c>, its services
    /// through the client), in order; not those the test sent through the host, nor their duplicates.
    /// </summary>
    public IReadOnlyList<Event<T>> SentEvents<T>()
        where T : IEventData<T>
    {
        lock (_sentByTest)
        {
            return Engine.Events.Where(e => e.Name == T.EventName && !_sentByTest.Contains(e.InternalId)).Select(e => EventReader.Read<T>(e.Payload)).ToArray();
        }
    }

    /// <summary>The waits for events that are waiting now.</summary>
    public IReadOnlyList<PendingWait> PendingWaits
    {
        get
        {
            var state = Engine.Store.ReadState();
            var runs = state.Runs.ToDictionary(r => r.RunId, StringComparer.Ordinal);
            var names = state.Steps.GroupBy(s => s.RunId).ToDictionary(g => g.Key, g => g.ToDictionary(s => s.Hash, s => s.Name, StringComparer.Ordinal), StringComparer.Ordinal);
            return state.Pending
                .Where(p => p.Kind == PendingKind.Wait && runs.ContainsKey(p.RunId))
                .Select(p => new PendingWait(
                    p.RunId,
                    runs[p.RunId].FunctionId,
                    names.TryGetValue(p.RunId, out var steps) && steps.TryGetValue(p.Hash, out var name) && name is not null ? name : p.Hash,
                    p.EventName ?? string.Empty,
                    p.If,
                    p.ExpiresAt))
                .ToArray();
        }
    }

    /// <summary>Every execution of a run step's code so far (mocked or not; memoized replays are not executions), in order.</summary>
    public IReadOnlyList<StepCall> StepCalls => _interception.Calls;

    /// <summary>The executions of the step <paramref name="stepId"/>, in order: its attempts, with the inputs it was called with.</summary>
    public IReadOnlyList<StepCall> StepCallsOf(string stepId) => _interception.Calls.Where(c => c.StepId == stepId).ToArray();

    /// <summary>Runs that events would have started and did not (a rate limit, a debounce, an idempotency key, a singleton), with the reason.</summary>
    public IReadOnlyList<SkippedRun> Skipped => Engine.Skipped;

    /// <summary>Every run with its timeline, as failure messages show them.</summary>
    public string Describe() => Runs.Count == 0 ? "No runs." : string.Join(Environment.NewLine, Runs.Select(r => r.Describe()));

    private string FunctionIdOf<TData, TResult>(FunctionReference<TData, TResult> function)
        where TData : IEventData<TData>
        => function.IsComposite && function.FunctionId.StartsWith(AppId + "-", StringComparison.Ordinal) ? function.FunctionId[(AppId.Length + 1)..] : function.FunctionId;

    private TestRun<TResult> Typed<TResult>(TestRun run) => run as TestRun<TResult> ?? new TestRun<TResult>(run.Record, RunContext);

    /// <summary>Fails clearly when a test names a function the host does not run.</summary>
    private void EnsureFunction(string functionId)
    {
        var ids = FunctionIds;
        if (!ids.Contains(functionId))
        {
            throw new InngestAssertionException($"The host does not run a function '{functionId}'; it runs {string.Join(", ", ids.Select(id => $"'{id}'"))}.");
        }
    }
}
