using System.Collections.Concurrent;

namespace Inngest.Events.Testing.Mocks;

/// <summary>The mocks of a host, looked up when a step runs, a function is invoked or a wait begins. Thread-safe.</summary>
internal sealed class MockRegistry
{
    private readonly ConcurrentDictionary<(string FunctionId, string StepId), StepMock> _steps = new();
    private readonly ConcurrentDictionary<string, InvokeMock> _invokes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string FunctionId, string StepId), WaitMock> _waits = new();

    /// <summary>Adds or replaces a step mock (for every function when <see cref="StepMock.FunctionId"/> is null).</summary>
    public void Add(StepMock mock) => _steps[(mock.FunctionId ?? string.Empty, mock.StepId)] = mock;

    public void Add(InvokeMock mock) => _invokes[mock.FunctionId] = mock;

    public void Add(WaitMock mock) => _waits[(mock.FunctionId ?? string.Empty, mock.StepId)] = mock;

    /// <summary>The mock of step <paramref name="stepId"/> in <paramref name="functionId"/>: the function's own, else one for every function.</summary>
    public StepMock? FindStep(string functionId, string stepId)
        => _steps.TryGetValue((functionId, stepId), out var mock) || _steps.TryGetValue((string.Empty, stepId), out mock) ? mock : null;

    public WaitMock? FindWait(string functionId, string stepId)
        => _waits.TryGetValue((functionId, stepId), out var mock) || _waits.TryGetValue((string.Empty, stepId), out mock) ? mock : null;

    /// <summary>The mock of the function an invoke names by <paramref name="functionId"/> or <paramref name="compositeId"/>.</summary>
    public InvokeMock? FindInvoke(string functionId, string compositeId)
        => _invokes.TryGetValue(functionId, out var mock) || _invokes.TryGetValue(compositeId, out mock) ? mock : null;

    public IEnumerable<InvokeMock> Invokes => _invokes.Values;
}
