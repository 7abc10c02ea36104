using System.Text.Json;
using Inngest.Events.Engine;
using Inngest.Events.Testing.Mocks;

namespace Inngest.Events.Testing;

public sealed partial class InngestTestHost
{
    /// <summary>
    /// Runs <paramref name="result"/> instead of the code of the step <paramref name="stepId"/> (in every function, or in
    /// <paramref name="functionId"/> only). The step stays a real step: its result is stored and memoized, a mock that
    /// throws fails the attempt and the step is retried with backoff (throw <see cref="NonRetriableException"/> to fail it
    /// at once), and the timeline shows it. Steps without a mock run their own code.
    /// </summary>
    /// <returns>The host, to chain mocks.</returns>
    public InngestTestHost MockStep<TResult>(string stepId, Func<TResult> result, string? functionId = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return AddStepMock(stepId, functionId, null, typeof(TResult), _ => result());
    }

    /// <summary>
    /// Runs <paramref name="result"/> instead of the code of the step <paramref name="stepId"/>, giving it the input the
    /// step was called with (<c>step.RunAsync(id, input, ...)</c>), as <see cref="MockStep{TResult}(string, Func{TResult}, string?)"/> does.
    /// </summary>
    public InngestTestHost MockStep<TInput, TResult>(string stepId, Func<TInput, TResult> result, string? functionId = null)
    {
        ArgumentNullException.ThrowIfNull(result);
        return AddStepMock(stepId, functionId, typeof(TInput), typeof(TResult), input => result((TInput)input!));
    }

    /// <summary>
    /// Runs <paramref name="action"/> instead of the code of the step <paramref name="stepId"/>, a step that returns
    /// nothing, or one a mock fails: <c>MockStep("charge", () =&gt; throw new NonRetriableException("declined"))</c>.
    /// </summary>
    public InngestTestHost MockStep(string stepId, Action action, string? functionId = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddStepMock(stepId, functionId, null, null, _ =>
        {
            action();
            return null;
        });
    }

    /// <summary>Runs <paramref name="action"/> with the step's input instead of the code of the step <paramref name="stepId"/>, a step that returns nothing or one a mock fails.</summary>
    public InngestTestHost MockStep<TInput>(string stepId, Action<TInput> action, string? functionId = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        return AddStepMock(stepId, functionId, typeof(TInput), null, input =>
        {
            action((TInput)input!);
            return null;
        });
    }

    /// <summary>
    /// Answers invokes of <paramref name="function"/> (<c>step.InvokeAsync</c>) with <paramref name="result"/> of the data it
    /// is invoked with, instead of running it; a <paramref name="result"/> that throws fails the invoked run, and so the
    /// invoking step. The invoked run is still a real run (with its <c>inngest/function.invoked</c> event and system
    /// events). A function the app does not have (another app's) gets a stand-in; set such mocks before the first send.
    /// </summary>
    public InngestTestHost MockInvoke<TData, TResult>(FunctionReference<TData, TResult> function, Func<TData, TResult> result)
        where TData : IEventData<TData>
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(result);
        var id = function.FunctionId;
        lock (_gate)
        {
            if (_engine is not null && !_engine.Runner.Registry.Functions.Any(f => f.Id == id || f.CompositeId(AppId) == id))
            {
                throw new InvalidOperationException(
                    $"MockInvoke('{function.FunctionId}') comes after the host started, and the host does not run that function; mock functions it does not run before the first send or time move.");
            }
        }

        _mocks.Add(new InvokeMock(id, invocation =>
        {
            try
            {
                return Task.FromResult(invocation.SerializeResult(result(invocation.GetEvent<TData>().Data)));
            }
            catch (Exception exception)
            {
                return Task.FromException<ReadOnlyMemory<byte>>(exception);
            }
        }));
        return this;
    }

    /// <summary>
    /// Answers the wait <paramref name="stepId"/> (<c>step.WaitForEventAsync</c>): when a run starts waiting in it, the host
    /// sends <paramref name="data"/> after <paramref name="after"/> of virtual time (at once when null). The event is a real
    /// one: it must match the wait's condition, and it reaches every function it triggers.
    /// </summary>
    public InngestTestHost MockWaitForEvent<T>(string stepId, T data, TimeSpan? after = null, string? functionId = null)
        where T : IEventData<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        return AddWaitMock(stepId, functionId, after, _ => new Event<T>(data));
    }

    /// <summary>
    /// Answers the wait <paramref name="stepId"/> with the event <paramref name="data"/> makes from the waiting run's trigger
    /// (so it can match the wait's condition), sent after <paramref name="after"/> of virtual time.
    /// </summary>
    public InngestTestHost MockWaitForEvent<TTrigger, T>(string stepId, Func<Event<TTrigger>, T> data, TimeSpan? after = null, string? functionId = null)
        where TTrigger : IEventData<TTrigger>
        where T : IEventData<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        return AddWaitMock(stepId, functionId, after, trigger => new Event<T>(data(EventReader.Read<TTrigger>(trigger))));
    }

    private InngestTestHost AddStepMock(string stepId, string? functionId, Type? inputType, Type? resultType, Func<object?, object?> invoke)
    {
        ArgumentException.ThrowIfNullOrEmpty(stepId);
        _mocks.Add(new StepMock(stepId, functionId, inputType, resultType, invoke));
        return this;
    }

    private InngestTestHost AddWaitMock(string stepId, string? functionId, TimeSpan? after, Func<JsonElement, InngestEvent> makeEvent)
    {
        ArgumentException.ThrowIfNullOrEmpty(stepId);
        if (after < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(after), after, "The delay must not be negative.");
        }

        _mocks.Add(new WaitMock(stepId, functionId, after ?? TimeSpan.Zero, makeEvent));
        return this;
    }

    /// <summary>Schedules the answer of a mocked wait when a run starts waiting in it.</summary>
    private void OnTimelineEntry(RunTimelineEntry entry)
    {
        if (entry.Kind != RunTimelineKind.Waiting || entry.StepName is not { } step || _mocks.FindWait(entry.FunctionId, step) is not { } mock)
        {
            return;
        }

        Schedule(entry.Time + mock.Delay, $"answer the wait '{step}' of run {entry.RunId}", async () =>
        {
            if (Engine.GetRun(entry.RunId) is { IsFinished: false } run && run.Step(step) is { Status: StepStatus.Waiting })
            {
                await SendCoreAsync([mock.MakeEvent(run.Event)]).ConfigureAwait(false);
            }
        });
    }
}
