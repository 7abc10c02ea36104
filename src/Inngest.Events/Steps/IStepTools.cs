using System.Linq.Expressions;

namespace Inngest.Events;

/// <summary>
/// Durable steps. Each step has an id unique within the function; its result is stored by Inngest, and on every
/// later call of the function the step returns the stored result instead of running again. Code outside steps runs
/// on every call, so side effects belong in steps.
/// </summary>
/// <remarks>
/// A step that cannot complete in this call (it must first be run, or sleep, or wait) returns a task that never
/// completes; the function call then ends and Inngest calls it again later. Do not wrap steps in timeouts, and do
/// not await real I/O outside steps.
/// </remarks>
public interface IStepTools
{
    /// <summary>Runs <paramref name="action"/> once, retrying it on failure.</summary>
    Task RunAsync(string id, Func<Task> action);

    /// <summary>Runs <paramref name="action"/> once, retrying it on failure.</summary>
    Task RunAsync(string id, Action action);

    /// <summary>Runs <paramref name="action"/> once and stores its result (as JSON).</summary>
    Task<T> RunAsync<T>(string id, Func<Task<T>> action);

    /// <summary>Runs <paramref name="action"/> once and stores its result (as JSON).</summary>
    Task<T> RunAsync<T>(string id, Func<T> action);

    /// <summary>
    /// Runs <paramref name="action"/> once with <paramref name="input"/> and stores its result (as JSON). The input is
    /// reported with the step (as Inngest's <c>step.run(id, fn, ...input)</c> reports its arguments), so the dev server,
    /// run histories and test mocks see what the step was called with; pass what the step needs as its input rather than
    /// capturing it. The input is serialized with the generated metadata, like results.
    /// </summary>
    Task<T> RunAsync<TInput, T>(string id, TInput input, Func<TInput, Task<T>> action);

    /// <summary>Runs <paramref name="action"/> once with <paramref name="input"/> and stores its result (as JSON); the input is reported with the step.</summary>
    Task<T> RunAsync<TInput, T>(string id, TInput input, Func<TInput, T> action);

    /// <summary>Runs <paramref name="action"/> once with <paramref name="input"/>, retrying it on failure; the input is reported with the step.</summary>
    Task RunAsync<TInput>(string id, TInput input, Func<TInput, Task> action);

    /// <summary>Runs <paramref name="action"/> once with <paramref name="input"/>, retrying it on failure; the input is reported with the step.</summary>
    Task RunAsync<TInput>(string id, TInput input, Action<TInput> action);

    /// <summary>Sends events once per run (memoized, unlike the client's SendAsync) and returns their ids.</summary>
    Task<IReadOnlyList<string>> SendEventAsync(string id, IReadOnlyList<InngestEvent> events);

    /// <summary>Sends one event once per run and returns its ids.</summary>
    Task<IReadOnlyList<string>> SendEventAsync<TData>(string id, TData data, EventOptions? options = null)
        where TData : IEventData<TData>;

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for a <typeparamref name="T"/> event that arrives after the wait began and
    /// matches <paramref name="if"/> (an expression over <c>event</c>, the trigger, and <c>async</c>, the candidate).
    /// Returns null on timeout.
    /// </summary>
    Task<Event<T>?> WaitForEventAsync<T>(string id, TimeSpan timeout, string? @if = null)
        where T : IEventData<T>;

    /// <summary>
    /// Waits up to <paramref name="timeout"/> for a <typeparamref name="T"/> event matching a typed condition such as
    /// <c>(trigger, incoming) =&gt; trigger.Data.UserId == incoming.Data.UserId</c>, translated to an expression.
    /// </summary>
    Task<Event<T>?> WaitForEventAsync<TTrigger, T>(string id, TimeSpan timeout, Expression<Func<Event<TTrigger>, Event<T>, bool>> match)
        where TTrigger : IEventData<TTrigger>
        where T : IEventData<T>;

    /// <summary>Sleeps for <paramref name="duration"/> (at most a year) without holding any resources.</summary>
    Task SleepAsync(string id, TimeSpan duration);

    /// <summary>Sleeps until <paramref name="until"/>.</summary>
    Task SleepUntilAsync(string id, DateTimeOffset until);

    /// <summary>Invokes another function with <paramref name="data"/> and returns its result; a failure raises <see cref="StepFailedException"/>.</summary>
    Task<TResult> InvokeAsync<TData, TResult>(string id, FunctionReference<TData, TResult> function, TData data, TimeSpan? timeout = null)
        where TData : IEventData<TData>;
}
