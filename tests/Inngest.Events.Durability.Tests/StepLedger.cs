using System.Collections.Concurrent;

namespace Inngest.Events.Durability.Tests;

/// <summary>
/// The app's record of every step it ran, every memoized result it was given, and every result it returned, with the
/// dev-server incarnation (epoch) it happened in. The crash test checks it against what a crash-free run would show.
/// </summary>
public sealed class StepLedger
{
    private readonly object _gate = new();
    private readonly List<LedgerEntry> _entries = [];
    private readonly ConcurrentDictionary<int, bool> _waiting = new();
    private long _seq;
    private int _executions;
    private TaskCompletionSource _changed = NewSignal();

    /// <summary>The dev server's incarnation: the test moves it on after each kill, once no request of the killed one is left.</summary>
    public int Epoch { get; set; }

    /// <summary>How many step executions (successful or failed) the app has run.</summary>
    public int Executions => Volatile.Read(ref _executions);

    /// <summary>Orders whose <c>payment</c> run has reached its wait.</summary>
    public IReadOnlyCollection<int> Waiting => _waiting.Keys.ToArray();

    public IReadOnlyList<LedgerEntry> Entries
    {
        get
        {
            lock (_gate)
            {
                return _entries.ToArray();
            }
        }
    }

    public T Ran<T>(FunctionContext context, string function, int order, string step, T value)
    {
        Add(LedgerKind.Ran, context, function, order, step, value is int number ? number : 0);
        return value;
    }

    public Exception Failed(FunctionContext context, string function, int order, string step)
    {
        Add(LedgerKind.Failed, context, function, order, step, 0);
        return new RetryAfterException($"{step} of order {order} fails on attempt {context.Attempt}", TimeSpan.FromSeconds(1));
    }

    public void Saw(FunctionContext context, string function, int order, string step) => Add(LedgerKind.Saw, context, function, order, step, 0);

    public void Returned(FunctionContext context, string function, int order, int result) => Add(LedgerKind.Returned, context, function, order, "", result);

    public void ReachedWait(int order)
    {
        _waiting[order] = true;
    }

    /// <summary>Completes once <paramref name="done"/> holds for the entries (checked at every new entry).</summary>
    public async Task WaitUntilAsync(Func<IReadOnlyList<LedgerEntry>, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (done(_entries))
                {
                    return;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    private void Add(LedgerKind kind, FunctionContext context, string function, int order, string step, int value)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _entries.Add(new LedgerEntry(++_seq, Epoch, kind, function, context.RunId, order, step, context.Attempt, value));
            if (kind is LedgerKind.Ran or LedgerKind.Failed)
            {
                _executions++;
            }

            changed = _changed;
            _changed = NewSignal();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
