namespace Inngest.Events;

/// <summary>
/// An event of a send call breaks a rule of the Inngest event API. It is thrown before anything is sent, so no event
/// of the call reached Inngest.
/// </summary>
public sealed class InngestEventValidationException : InngestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="index">The invalid event's position in the send call.</param>
    /// <param name="eventName">The invalid event's name.</param>
    /// <param name="rule">The rule it broke.</param>
    /// <param name="message">A message naming the event and the rule.</param>
    public InngestEventValidationException(int index, string eventName, EventValidationRule rule, string message)
        : base(message)
    {
        Index = index;
        EventName = eventName;
        Rule = rule;
    }

    /// <summary>The invalid event's position in the send call (0 for a single send).</summary>
    public int Index { get; }

    /// <summary>The invalid event's name (possibly empty).</summary>
    public string EventName { get; }

    /// <summary>The rule the event broke.</summary>
    public EventValidationRule Rule { get; }
}
