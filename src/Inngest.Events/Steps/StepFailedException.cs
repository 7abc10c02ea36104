using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary>
/// Raised in the function when a step failed for good (its retries are exhausted, or it threw a
/// <see cref="NonRetriableException"/>). Catch it to handle the failure; left uncaught it fails the run without
/// further retries.
/// </summary>
public sealed class StepFailedException : Exception
{
    /// <summary>Creates the exception for the step <paramref name="stepId"/>.</summary>
    public StepFailedException(string stepId, StepError error)
        : base($"Step '{stepId}' failed: {error.Name}: {error.Message}")
    {
        StepId = stepId;
        Error = error;
    }

    /// <summary>The user's step id.</summary>
    public string StepId { get; }

    /// <summary>The error the step reported.</summary>
    public StepError Error { get; }
}
