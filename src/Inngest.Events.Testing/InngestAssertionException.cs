namespace Inngest.Events.Testing;

/// <summary>
/// An expectation about runs did not hold: a run ended differently, a step or event was not there, no run finished in
/// the virtual time allowed, a replay diverged. The message says what was expected and what happened, with the
/// timelines of the runs concerned. A plain exception, so it works with any test framework.
/// </summary>
public sealed class InngestAssertionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public InngestAssertionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the one that caused it.</summary>
    public InngestAssertionException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
