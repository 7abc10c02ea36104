using System.Linq.Expressions;

namespace Inngest.Events.Testing.Mocks;

/// <summary>
/// The step tools a function gets in a test host: the engine's own, with the code of mocked run steps replaced by their
/// mocks. A mocked step is still a real step (memoized, retried, timed, shown in the timeline); only what runs inside
/// it changes. Every execution of a run step's code (mocked or not) is recorded as a <see cref="StepCall"/>.
/// </summary>
internal sealed class MockingStepTools(IStepTools inner, FunctionContext context, StepInterception interception) : IStepTools
{
    private static readonly object NoInput = new();

    public Task RunAsync(string id, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var mock = interception.Mocks.FindStep(context.FunctionId, id);
        return inner.RunAsync(id, () =>
        {
            Record(id, null, mock);
            if (mock is null)
            {
                return action();
            }

            Invoke<object?>(mock, id, NoInput, voidStep: true);
            return Task.CompletedTask;
        });
    }

    public Task RunAsync(string id, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var mock = interception.Mocks.FindStep(context.FunctionId, id);
        return inner.RunAsync(id, () =>
        {
            Record(id, null, mock);
            if (mock is null)
            {
                action();
            }
            else
            {
                Invoke<object?>(mock, id, NoInput, voidStep: true);
            }
        });
    }

    public Task<T> RunAsync<T>(string id, Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var mock = interception.Mocks.FindStep(context.FunctionId, id);
        return inner.RunAsync<T>(id, () =>
        {
            Record(id, null, mock);
            return mock is null ? action() : Task.FromResult(Invoke<T>(mock, id, NoInput, voidStep: false));
        });
    }

    public Task<T> RunAsync<T>(string id, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var mock = interception.Mocks.FindStep(context.FunctionId, id);
        return inner.RunAsync<T>(id, () =>
        {
            Record(id, null, mock);
            return mock is null ? action() : Invoke<T>(mock, id, NoInput, voidStep: false);
        });
    }

    public Task<T> RunAsync<TInput, T>(string id, TInput input, Func<TInput, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var mock = interception.Mocks.FindStep(context.FunctionId, id);
        return inner.RunAsync<TInput, T>(id, input, value =>
        {
            Record(id, value, mock);
            return mock is null ? action(value) : Task.FromResult(Invoke<T>(mock, id, value, voidStep: false));
        });
    }

    public Task<T> RunAsync<TInput, T>(string id, TInput input, Func<TInput, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var mock = interception.Mocks.FindStep(context.FunctionId, id);
        return inner.RunAsync<TInput, T>(id, input, value =>
        {
            Record(id, value, mock);
            return mock is null ? action(value) : Invoke<T>(mock, id, value, voidStep: false);
        });
    }

    public Task RunAsync<TInput>(string id, TInput input, Func<TInput, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var mock = interception.Mocks.FindStep(context.FunctionId, id);
        return inner.RunAsync<TInput>(id, input, value =>
        {
            Record(id, value, mock);
            if (mock is null)
            {
                return action(value);
            }

            Invoke<object?>(mock, id, value, voidStep: true);
            return Task.CompletedTask;
        });
    }

    public Task RunAsync<TInput>(string id, TInput input, Action<TInput> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var mock = interception.Mocks.FindStep(context.FunctionId, id);
        return inner.RunAsync<TInput>(id, input, value =>
        {
            Record(id, value, mock);
            if (mock is null)
            {
                action(value);
            }
            else
            {
                Invoke<object?>(mock, id, value, voidStep: true);
            }
        });
    }

    public Task<IReadOnlyList<string>> SendEventAsync(string id, IReadOnlyList<InngestEvent> events) => inner.SendEventAsync(id, events);

    public Task<IReadOnlyList<string>> SendEventAsync<TData>(string id, TData data, EventOptions? options = null)
        where TData : IEventData<TData>
        => inner.SendEventAsync(id, data, options);

    public Task<Event<T>?> WaitForEventAsync<T>(string id, TimeSpan timeout, string? @if = null)
        where T : IEventData<T>
        => inner.WaitForEventAsync<T>(id, timeout, @if);

    public Task<Event<T>?> WaitForEventAsync<TTrigger, T>(string id, TimeSpan timeout, Expression<Func<Event<TTrigger>, Event<T>, bool>> match)
        where TTrigger : IEventData<TTrigger>
        where T : IEventData<T>
        => inner.WaitForEventAsync(id, timeout, match);

    public Task SleepAsync(string id, TimeSpan duration) => inner.SleepAsync(id, duration);

    public Task SleepUntilAsync(string id, DateTimeOffset until) => inner.SleepUntilAsync(id, until);

    public Task<TResult> InvokeAsync<TData, TResult>(string id, FunctionReference<TData, TResult> function, TData data, TimeSpan? timeout = null)
        where TData : IEventData<TData>
        => inner.InvokeAsync(id, function, data, timeout);

    private void Record(string id, object? input, StepMock? mock)
        => interception.Record(new StepCall(context.RunId, context.FunctionId, id, context.Attempt, input, mock is not null, interception.Clock.GetUtcNow()));

    /// <summary>
    /// Runs <paramref name="mock"/> for step <paramref name="id"/>, whose result type is <typeparamref name="T"/> (ignored for a
    /// <paramref name="voidStep"/>). A mock that throws fails the step as its code would; a mock that does not fit the step
    /// is a mistake in the test: it is reported to the host and the run fails at once.
    /// </summary>
    private T Invoke<T>(StepMock mock, string id, object? input, bool voidStep)
    {
        var hasInput = !ReferenceEquals(input, NoInput);
        if (mock.InputType is { } inputType)
        {
            if (!hasInput)
            {
                throw Mismatch(mock, id, $"takes a '{inputType}', but the step is called without an input; mock it with MockStep(\"{id}\", () => ...)");
            }

            if (input is not null && !inputType.IsInstanceOfType(input))
            {
                throw Mismatch(mock, id, $"takes a '{inputType}', but the step is called with a '{input.GetType()}'");
            }
        }

        var result = mock.Invoke(hasInput ? input : null);
        if (voidStep)
        {
            return mock.ResultType is null
                ? default!
                : throw Mismatch(mock, id, $"returns a '{mock.ResultType}', but the step returns nothing; mock it with MockStep(\"{id}\", () => {{ ... }})");
        }

        if (mock.ResultType is null)
        {
            throw Mismatch(mock, id, $"returns nothing, but the step returns a '{typeof(T)}'");
        }

        return result switch
        {
            T typed => typed,
            null when default(T) is null => default!,
            _ => throw Mismatch(mock, id, $"returns a '{mock.ResultType}', but the step returns a '{typeof(T)}'"),
        };
    }

    private NonRetriableException Mismatch(StepMock mock, string id, string why)
    {
        var message = $"{mock.Describe()} does not fit the step '{id}' of '{context.FunctionId}': it {why}.";
        interception.Report(new InngestAssertionException(message));
        return new NonRetriableException(message);
    }
}
