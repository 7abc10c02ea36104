using System.Globalization;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Engine.Store;
using Inngest.Events.Protocol;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine.Scheduling;

/// <summary>
/// Cron triggers: one timer per cron trigger of each registered function; each occurrence ingests an
/// <c>inngest/scheduled.timer</c> event for that function and sets the next. Guarded by the engine's lock.
/// </summary>
internal sealed class CronScheduler(EngineParts parts)
{
    private readonly EngineContext _context = parts.Context;

    /// <summary>Sets the timers of every cron trigger of <paramref name="function"/> (already validated).</summary>
    public void Schedule(InngestFunctionDefinition function, string compositeId, DateTimeOffset after)
    {
        foreach (var trigger in function.Triggers)
        {
            if (trigger.Cron is { Length: > 0 })
            {
                Schedule(function, trigger, compositeId, after);
            }
        }
    }

    /// <summary>Sets the timer of one cron trigger of <paramref name="function"/> (already validated).</summary>
    public void Schedule(InngestFunctionDefinition function, FunctionTrigger trigger, string compositeId, DateTimeOffset after)
        => Schedule(CronSchedule.Parse(function, trigger), compositeId, after);

    /// <summary>
    /// Sets a stored cron timer again: it fires at its time, or at once when it is overdue (missed occurrences in
    /// between fire once). False when its function or trigger no longer exists.
    /// </summary>
    public bool Restore(StoredTimer stored)
    {
        if (stored.FunctionId is null || parts.Apps.Find(stored.FunctionId) is not { } function)
        {
            return false;
        }

        foreach (var trigger in function.Triggers)
        {
            if (trigger.Cron == stored.Expression)
            {
                var work = new CronWork(CronSchedule.Parse(function, trigger), stored.FunctionId, stored.ScheduledAt ?? stored.Due)
                {
                    Missed = stored.Due < _context.Now,
                };
                parts.Timers.Restore(work, stored.Id, stored.Due);
                return true;
            }
        }

        return false;
    }

    /// <summary>Fires a cron occurrence: an <c>inngest/scheduled.timer</c> event for the function, and the next timer.</summary>
    public void Fire(CronWork cron)
    {
        parts.Timers.Forget(cron);
        var function = cron.Schedule.Function;
        if (!parts.Apps.IsRegistered(function))
        {
            // The function was replaced by a later sync of its app, which set its own timers.
            return;
        }

        var scheduledAt = cron.ScheduledAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var data = JsonValues.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("cron", cron.Schedule.Expression);
            writer.WriteString("scheduledAt", scheduledAt);
            writer.WriteString("fireAt", cron.Due.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture));
            writer.WriteEndObject();
        });
        var evt = parts.Ingestor.IngestSystemEvent(SystemEventNames.ScheduledTimer, scheduledAt, cron.Due.ToUnixTimeMilliseconds(), data, fanOut: false);
        parts.Admission.OnEvent(function, evt, _context.EventSequence, _context.Now);

        // A running engine catches up on every occurrence (its clock may jump); after a restart, the occurrences
        // missed while it was down fire once, and the next one is the first after now.
        Schedule(cron.Schedule, cron.CompositeId, cron.Missed ? _context.Now : cron.ScheduledAt);
    }

    private void Schedule(CronSchedule schedule, string compositeId, DateTimeOffset after)
    {
        if (schedule.Next(after) is not { } scheduledAt)
        {
            _context.Logger.LogDebug("The cron trigger '{Cron}' of function '{FunctionId}' has no further occurrence.", schedule.Expression, compositeId);
            return;
        }

        var fireAt = scheduledAt;
        if (schedule.Jitter is { } jitter && jitter > TimeSpan.Zero)
        {
            fireAt += TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * jitter.TotalMilliseconds);
        }

        parts.Timers.Set(new CronWork(schedule, compositeId, scheduledAt), fireAt);
    }
}
