namespace Inngest.Events;

/// <summary>The scope of a concurrency limit.</summary>
public enum ConcurrencyScope
{
    /// <summary>Per function (the default).</summary>
    Fn,

    /// <summary>Across the environment; needs a key.</summary>
    Env,

    /// <summary>Across the account; needs a key.</summary>
    Account,
}
