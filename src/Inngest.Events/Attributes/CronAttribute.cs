namespace Inngest.Events;

/// <summary>A cron trigger: five fields, optionally prefixed by <c>TZ=Zone/Name</c>, e.g. <c>TZ=Europe/Paris 0 9 * * 1-5</c>.</summary>
/// <param name="schedule">The cron expression.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true, Inherited = false)]
public sealed class CronAttribute(string schedule) : Attribute
{
    /// <summary>The cron expression.</summary>
    public string Schedule { get; } = schedule;

    /// <summary>A random delay up to this duration (1s to 5m), e.g. <c>30s</c>.</summary>
    public string? Jitter { get; set; }
}
