namespace Inngest.Events.Durability.Tests;

/// <summary>What a <see cref="LedgerEntry"/> records.</summary>
public enum LedgerKind
{
    /// <summary>A step's code ran and returned.</summary>
    Ran,

    /// <summary>A step's code ran and failed (to be retried).</summary>
    Failed,

    /// <summary>The function was given the step's result (memoized) and went past it.</summary>
    Saw,

    /// <summary>The function returned its result.</summary>
    Returned,
}
