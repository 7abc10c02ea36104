using Inngest.Events.Engine.Internal;

namespace Inngest.Events.Engine.Scheduling;

/// <summary>
/// The engine's timers in due order (ties in the order they were set). A cancelled timer stays in the queue until it
/// reaches the front and is dropped; its stored row goes at once. Guarded by the engine's lock.
/// </summary>
internal sealed class TimerQueue(EngineContext context)
{
    private readonly PriorityQueue<WorkItem, (long Ticks, long Id)> _queue = new();

    /// <summary>Sets <paramref name="item"/> to fire at <paramref name="due"/> (an item set again keeps its id).</summary>
    public void Set(WorkItem item, DateTimeOffset due)
    {
        if (item.Id == 0)
        {
            item.Id = ++context.TimerSequence;
        }

        item.Due = due;
        item.Cancelled = false;
        _queue.Enqueue(item, (due.UtcTicks, item.Id));
        if (item.Persisted)
        {
            context.Changes.TimerSet(item.ToStored());
        }

        context.Signal();
    }

    /// <summary>Sets an item read from the store, keeping its id and due time.</summary>
    public void Restore(WorkItem item, long id, DateTimeOffset due)
    {
        item.Id = id;
        item.Due = due;
        _queue.Enqueue(item, (due.UtcTicks, id));
    }

    /// <summary>Stops <paramref name="item"/> from firing (if it has not yet) and deletes its row.</summary>
    public void Cancel(WorkItem item)
    {
        item.Cancelled = true;
        Forget(item);
    }

    /// <summary>Deletes the row of an item that fired or whose work is done.</summary>
    public void Forget(WorkItem item)
    {
        if (item.Persisted && item.Id != 0)
        {
            context.Changes.TimerDeleted(item.Id);
        }
    }

    public bool TryTakeDue(DateTimeOffset now, out WorkItem item)
    {
        while (_queue.TryPeek(out item!, out var priority))
        {
            if (item.Cancelled)
            {
                _queue.Dequeue();
                continue;
            }

            if (priority.Ticks > now.UtcTicks)
            {
                return false;
            }

            _queue.Dequeue();
            return true;
        }

        return false;
    }

    /// <summary>When the next timer is due, or null when none is set.</summary>
    public DateTimeOffset? NextDue
    {
        get
        {
            while (_queue.TryPeek(out var item, out var priority))
            {
                if (!item.Cancelled)
                {
                    return new DateTimeOffset(priority.Ticks, TimeSpan.Zero);
                }

                _queue.Dequeue();
            }

            return null;
        }
    }

    public bool HasDue(DateTimeOffset now) => NextDue is { } next && next <= now;
}
