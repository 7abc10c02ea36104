namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// One concurrency counter: the calls in flight for a function (or a key of it, or an env- or account-wide key). The
/// queues it holds back wait on it until a call that holds it returns.
/// </summary>
internal sealed class ConcurrencySlot(string key, string description)
{
    public string Key { get; } = key;

    /// <summary>How the timeline names it, e.g. <c>key=u1</c> or <c>env scope, key=openai</c>.</summary>
    public string Description { get; } = description;

    public int InFlight { get; set; }

    /// <summary>How many live partitions use it; an unused counter with nothing in flight is forgotten.</summary>
    public int Partitions { get; set; }

    /// <summary>Queues parked because this counter was full.</summary>
    public List<ConcurrencyPartition> Waiters { get; } = [];
}
