using Microsoft.Extensions.Logging;

namespace Inngest.Events;

/// <summary>What a function call knows about its run: ids, attempt numbers and a logger.</summary>
public sealed class FunctionContext
{
    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The function id within the app.</summary>
    public required string FunctionId { get; init; }

    /// <summary>The zero-based attempt of the current step (or of the discovery call).</summary>
    public int Attempt { get; init; }

    /// <summary>The number of attempts the current step gets (retries + 1).</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>A logger for the function. Code outside steps runs again on every call; log inside steps to log once.</summary>
    public ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
