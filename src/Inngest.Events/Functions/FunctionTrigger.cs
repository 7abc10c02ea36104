namespace Inngest.Events;

/// <summary>What starts a function: an event name with an optional expression, or a cron schedule.</summary>
public sealed record FunctionTrigger
{
    /// <summary>The event name, for an event trigger.</summary>
    public string? Event { get; init; }

    /// <summary>The condition on the event, for an event trigger.</summary>
    public string? Expression { get; init; }

    /// <summary>The cron schedule, for a cron trigger.</summary>
    public string? Cron { get; init; }

    /// <summary>The cron jitter.</summary>
    public string? Jitter { get; init; }

    /// <summary>An event trigger.</summary>
    public static FunctionTrigger ForEvent(string name, string? expression = null) => new() { Event = name, Expression = expression };

    /// <summary>A cron trigger.</summary>
    public static FunctionTrigger ForCron(string schedule, string? jitter = null) => new() { Cron = schedule, Jitter = jitter };
}
