using System.Collections.Concurrent;

namespace Inngest.Events.Testing.Mocks;

/// <summary>What the host's step tools share: the mocks, the clock, the record of step executions and the problems found.</summary>
internal sealed class StepInterception(MockRegistry mocks, TestClock clock)
{
    private readonly ConcurrentQueue<StepCall> _calls = new();
    private readonly ConcurrentQueue<Exception> _problems = new();

    public MockRegistry Mocks { get; } = mocks;

    public TestClock Clock { get; } = clock;

    public IReadOnlyList<StepCall> Calls => _calls.ToArray();

    public void Record(StepCall call) => _calls.Enqueue(call);

    /// <summary>Keeps a problem with the test's set-up (a mock that does not fit its step) for the host to throw.</summary>
    public void Report(Exception problem) => _problems.Enqueue(problem);

    public bool TryTakeProblem(out Exception problem) => _problems.TryDequeue(out problem!);
}
