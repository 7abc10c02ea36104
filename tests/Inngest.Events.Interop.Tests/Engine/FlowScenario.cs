using Inngest.Events.Engine;

namespace Inngest.Events.Interop.Tests.Engine;

/// <summary>
/// One flow-control scenario: <c>test/flow.requested</c> events for one policy's function (each with a key and a number,
/// a fixed id and an increasing <c>ts</c>), then, once the engine is idle, optional further events; then the engine runs
/// and moves its clock from timer to timer until the function has <see cref="ExpectedRuns"/> finished runs.
/// </summary>
internal sealed record FlowScenario(string Name, string FunctionId, string Policy, IReadOnlyList<(string Key, int N)> Events, int ExpectedRuns)
{
    /// <summary>Events sent once the first ones are idle.</summary>
    public IReadOnlyList<(string Key, int N)> Then { get; init; } = [];

    /// <summary>What must hold on each engine, whichever app it drives.</summary>
    public required Action<FlowOutcome> Check { get; init; }

    public JsonObject Event(int index, (string Key, int N) e) => new()
    {
        ["name"] = "test/flow.requested",
        ["data"] = new JsonObject { ["policy"] = Policy, ["key"] = e.Key, ["n"] = e.N },
        ["id"] = $"evt-{Policy}-{index}",
        ["ts"] = 1717000000000 + (index * 1000),
    };

    public override string ToString() => Name;
}

/// <summary>What a flow-control scenario did on one engine: the function's runs, the events it skipped, the order runs started in.</summary>
/// <param name="Runs">The function's runs, in creation order.</param>
/// <param name="Skipped">The function's skipped runs.</param>
/// <param name="EventIndex">The index in the scenario of each of its events, by internal id.</param>
/// <param name="Timeline">The timeline entries of the function's runs, in the order the engine made them.</param>
internal sealed record FlowOutcome(IReadOnlyList<RunRecord> Runs, IReadOnlyList<SkippedRun> Skipped, IReadOnlyDictionary<string, int> EventIndex, IReadOnlyList<RunTimelineEntry> Timeline)
{
    /// <summary>The runs (by creation index) in the order they started.</summary>
    public int[] StartOrder => Timeline.Where(e => e.Kind == RunTimelineKind.Started).Select(e => IndexOf(e.RunId)).ToArray();

    public int IndexOf(string runId) => Runs.Select((r, i) => (r, i)).Single(x => x.r.RunId == runId).i;

    /// <summary>The <c>n</c> of the (first) event of each run.</summary>
    public int[] Numbers => Runs.Select(r => r.Event.GetProperty("data").GetProperty("n").GetInt32()).ToArray();
}
