using System.Text;
using Inngest.Events.Engine;
using Inngest.Events.Engine.Store;

namespace Inngest.Events.Testing;

public sealed partial class InngestTestHost
{
    /// <summary>Timer jumps one call may make before it stops: a guard against a cron every second over a year.</summary>
    private const int MaxJumps = 100_000;

    private readonly List<ScheduledAction> _scheduled = [];
    private long _scheduleSequence;

    /// <summary>
    /// Moves the virtual clock forward by <paramref name="by"/>, from each due timer to the next (a retry, a sleep's end,
    /// a wait's timeout, a debounce, a batch, a throttle, a cron, a scheduled send), running what becomes due at each.
    /// </summary>
    /// <exception cref="InngestAssertionException">A mock did not fit its step.</exception>
    public Task AdvanceAsync(TimeSpan by)
    {
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(by), by, "Virtual time only moves forward.");
        }

        return AdvanceToAsync(Now + by);
    }

    /// <summary>Moves the virtual clock forward to <paramref name="time"/>, as <see cref="AdvanceAsync"/> does.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="time"/> is before <see cref="Now"/>.</exception>
    public async Task AdvanceToAsync(DateTimeOffset time)
    {
        if (time < Now)
        {
            throw new ArgumentOutOfRangeException(nameof(time), time, $"Virtual time only moves forward; it is {Now:O}.");
        }

        await PumpAsync(time, stop: null).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs until nothing is left to do: every run has finished (or cannot go on without an event), no debounce or batch
    /// is waiting and no scheduled send is due, skipping virtual time from timer to timer. Crons fire on the way but do
    /// not keep it going.
    /// </summary>
    /// <param name="limit">How much virtual time it may skip; <see cref="InngestTestHostOptions.IdleLimit"/> when null.</param>
    /// <exception cref="InngestAssertionException">Work was still scheduled after <paramref name="limit"/>; the message lists it, with the runs' timelines.</exception>
    public async Task RunUntilIdleAsync(TimeSpan? limit = null)
    {
        var until = Now + (limit ?? _options.IdleLimit);
        if (!await PumpAsync(until, IsQuiet).ConfigureAwait(false) && !IsQuiet())
        {
            throw new InngestAssertionException(
                $"The host was still busy after {TestClock.FormatDuration(limit ?? _options.IdleLimit)} of virtual time (now {Clock.Format(Now)}).{Environment.NewLine}{DescribeState()}");
        }
    }

    /// <summary>
    /// Waits until a run of <paramref name="functionId"/> has finished (completed, failed or was cancelled), moving the
    /// virtual clock for at most <paramref name="within"/>. A run that finished earlier counts.
    /// </summary>
    /// <param name="functionId">The function's id.</param>
    /// <param name="within">How much virtual time may pass.</param>
    /// <param name="where">Which runs count (all when null).</param>
    /// <returns>The first such run, in the order runs were created.</returns>
    /// <exception cref="InngestAssertionException">No such run finished in time; the message shows the function's runs and their timelines.</exception>
    public async Task<TestRun> WaitForRunAsync(string functionId, TimeSpan within, Func<TestRun, bool>? where = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionId);
        if (within < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(within), within, "The limit must not be negative.");
        }

        EnsureFunction(functionId);
        TestRun? found = null;
        bool Finished()
        {
            found = RunsOf(functionId).FirstOrDefault(r => r.IsFinished && (where is null || where(r)));
            return found is not null;
        }

        var from = Now;
        if (await PumpAsync(from + within, Finished).ConfigureAwait(false) || Finished())
        {
            return found!;
        }

        var runs = RunsOf(functionId);
        var text = new StringBuilder();
        text.Append("No run of '").Append(functionId).Append('\'').Append(where is null ? string.Empty : " matching the condition")
            .Append(" finished within ").Append(TestClock.FormatDuration(within)).Append(" of virtual time (from ").Append(Clock.Format(from))
            .Append(" to ").Append(Clock.Format(Now)).Append("). ");
        text.Append(runs.Count == 0 ? $"The function has no runs." : $"Its runs:").AppendLine();
        foreach (var run in runs)
        {
            text.AppendLine(run.Describe());
        }

        text.Append(DescribeState());
        throw new InngestAssertionException(text.ToString().TrimEnd());
    }

    /// <summary>Waits until a run of <paramref name="function"/> has finished, as <see cref="WaitForRunAsync(string, TimeSpan, Func{TestRun, bool}?)"/> does; its result reads as <typeparamref name="TResult"/>.</summary>
    /// <exception cref="InngestAssertionException">No such run finished in time; the message shows the function's runs and their timelines.</exception>
    public async Task<TestRun<TResult>> WaitForRunAsync<TData, TResult>(FunctionReference<TData, TResult> function, TimeSpan within, Func<TestRun<TResult>, bool>? where = null)
        where TData : IEventData<TData>
    {
        ArgumentNullException.ThrowIfNull(function);
        var id = FunctionIdOf(function);
        var run = await WaitForRunAsync(id, within, where is null ? null : r => where(Typed<TResult>(r))).ConfigureAwait(false);
        return Typed<TResult>(run);
    }

    /// <summary>Schedules a send of <paramref name="data"/> after <paramref name="delay"/> of virtual time (the outside world acting later).</summary>
    public void SendAfter<T>(TimeSpan delay, T data, EventOptions? options = null)
        where T : IEventData<T>
    {
        ArgumentNullException.ThrowIfNull(data);
        if (delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(delay), delay, "The delay must not be negative.");
        }

        var evt = new Event<T>(data) { Id = options?.Id, Ts = options?.Ts, V = options?.V };
        Schedule(Now + delay, $"send '{T.EventName}'", () => SendCoreAsync([evt]));
    }

    private void Schedule(DateTimeOffset due, string description, Func<Task> action)
    {
        lock (_scheduled)
        {
            _scheduled.Add(new ScheduledAction(due, ++_scheduleSequence, description, action));
        }
    }

    private DateTimeOffset? NextScheduled
    {
        get
        {
            lock (_scheduled)
            {
                return _scheduled.Count == 0 ? null : _scheduled.Min(a => a.Due);
            }
        }
    }

    /// <summary>
    /// Moves time to <paramref name="until"/> from one due timer to the next, settling at each, until <paramref name="stop"/>
    /// says so. Returns whether it stopped.
    /// </summary>
    private async Task<bool> PumpAsync(DateTimeOffset until, Func<bool>? stop)
    {
        var jumps = 0;
        while (true)
        {
            await SettleAsync().ConfigureAwait(false);
            if (stop?.Invoke() == true)
            {
                return true;
            }

            var next = Min(Engine.NextDueAt, NextScheduled);
            if (next is null || next > until)
            {
                if (until > Now)
                {
                    Clock.AdvanceTo(until);
                    await SettleAsync().ConfigureAwait(false);
                }

                return stop?.Invoke() == true;
            }

            if (++jumps > MaxJumps)
            {
                throw new InngestAssertionException(
                    $"Virtual time moved through {MaxJumps} timers in one call and was still at {Clock.Format(Now)} of {Clock.Format(until)}; " +
                    $"a frequent cron or a retry loop keeps it busy. Move time in smaller steps or leave such functions out (InngestTestHostOptions.Functions).{Environment.NewLine}{DescribeState()}");
            }

            Clock.AdvanceTo(next.Value);
        }
    }

    /// <summary>Runs everything due at the current virtual time: the engine's work and the host's scheduled sends, until neither has any.</summary>
    private async Task SettleAsync()
    {
        var engine = Engine;
        while (true)
        {
            using (var guard = new CancellationTokenSource(_options.SettleTimeout))
            {
                try
                {
                    await engine.RunUntilIdleAsync(guard.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (guard.IsCancellationRequested)
                {
                    throw new InngestAssertionException(
                        $"The engine did not settle within {_options.SettleTimeout.TotalSeconds:0} s of real time at {Clock.Format(Now)}: a function awaits something " +
                        $"other than a step that does not finish (real I/O, a real delay, a lock). Runs that are in flight:{Environment.NewLine}{DescribeState()}");
                }
            }

            ThrowProblems();
            ScheduledAction[] due;
            lock (_scheduled)
            {
                var now = Now;
                due = _scheduled.Where(a => a.Due <= now).OrderBy(a => a.Due).ThenBy(a => a.Sequence).ToArray();
                foreach (var action in due)
                {
                    _scheduled.Remove(action);
                }
            }

            if (due.Length == 0)
            {
                return;
            }

            foreach (var action in due)
            {
                await action.Run().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Whether nothing is left to do but crons: no unfinished run that a timer will move on, no debounce or batch, no
    /// scheduled send.
    /// </summary>
    private bool IsQuiet()
    {
        lock (_scheduled)
        {
            if (_scheduled.Count > 0)
            {
                return false;
            }
        }

        var state = Engine.Store.ReadState();
        return state.Debounces.Count == 0
            && state.Batches.Count == 0
            && (state.Runs.Count == 0 || state.Timers.All(t => t.Kind == TimerKind.Cron));
    }

    /// <summary>Unfinished runs with their timelines, waits, and what is scheduled next: the end of failure messages.</summary>
    private string DescribeState()
    {
        var text = new StringBuilder();
        var unfinished = Runs.Where(r => !r.IsFinished).ToArray();
        if (unfinished.Length > 0)
        {
            text.AppendLine("Unfinished runs:");
            foreach (var run in unfinished)
            {
                text.AppendLine(run.Describe());
            }
        }

        foreach (var wait in PendingWaits)
        {
            text.Append("Waiting: run ").Append(wait.RunId).Append(" of '").Append(wait.FunctionId).Append("' in step '").Append(wait.StepName)
                .Append("' for '").Append(wait.EventName).Append('\'').Append(wait.If is null ? string.Empty : $" if {wait.If}")
                .Append(" until ").Append(Clock.Format(wait.ExpiresAt)).AppendLine();
        }

        var timers = Engine.Store.ReadState().Timers.OrderBy(t => t.Due).Take(5).ToArray();
        foreach (var timer in timers)
        {
            text.Append("Next timer: ").Append(timer.Kind).Append(" at ").Append(Clock.Format(timer.Due))
                .Append(timer.RunId is null ? string.Empty : $" (run {timer.RunId})").Append(timer.FunctionId is null ? string.Empty : $" ({timer.FunctionId})").AppendLine();
        }

        lock (_scheduled)
        {
            foreach (var action in _scheduled.OrderBy(a => a.Due))
            {
                text.Append("Scheduled by the test: ").Append(action.Description).Append(" at ").Append(Clock.Format(action.Due)).AppendLine();
            }
        }

        return text.Length == 0 ? "Nothing is unfinished or scheduled." : text.ToString().TrimEnd();
    }

    private static DateTimeOffset? Min(DateTimeOffset? a, DateTimeOffset? b)
        => a is null ? b : b is null ? a : a < b ? a : b;

    private sealed record ScheduledAction(DateTimeOffset Due, long Sequence, string Description, Func<Task> Run);
}
