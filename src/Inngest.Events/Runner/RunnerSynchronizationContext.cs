using System.Collections.Concurrent;

namespace Inngest.Events.Runner;

/// <summary>
/// Runs a function call's code and its continuations one at a time, on the runner's own loop, so the runner can
/// tell when the code has gone as far as it can: the queue is empty and the function is waiting on steps.
/// </summary>
internal sealed class RunnerSynchronizationContext : SynchronizationContext
{
    private readonly ConcurrentQueue<(SendOrPostCallback Callback, object? State)> _queue = new();
    private volatile TaskCompletionSource _work = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsEmpty => _queue.IsEmpty;

    /// <summary>Completes when work is queued.</summary>
    public Task WorkAvailable => _work.Task;

    public override void Post(SendOrPostCallback d, object? state)
    {
        _queue.Enqueue((d, state));
        _work.TrySetResult();
    }

    public override void Send(SendOrPostCallback d, object? state) => Post(d, state);

    public override SynchronizationContext CreateCopy() => this;

    /// <summary>Invokes <paramref name="start"/> with this context current.</summary>
    public T Run<T>(Func<T> start)
    {
        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            return start();
        }
        finally
        {
            SetSynchronizationContext(previous);
        }
    }

    /// <summary>Runs everything queued (including what the queued work queues) with this context current.</summary>
    public void Drain()
    {
        if (_work.Task.IsCompleted)
        {
            _work = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        var previous = Current;
        SetSynchronizationContext(this);
        try
        {
            while (_queue.TryDequeue(out var item))
            {
                item.Callback(item.State);
            }
        }
        finally
        {
            SetSynchronizationContext(previous);
        }

        if (!_queue.IsEmpty)
        {
            _work.TrySetResult();
        }
    }
}
