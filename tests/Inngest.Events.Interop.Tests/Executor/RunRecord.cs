namespace Inngest.Events.Interop.Tests.Executor;

/// <summary>Everything that happened in one run (and the runs it invoked).</summary>
internal sealed class RunRecord(string functionId, string runId)
{
    public string FunctionId { get; } = functionId;

    public string RunId { get; } = runId;

    public List<Exchange> Exchanges { get; } = [];

    /// <summary>The memoized state at the end, by hashed step id, in the order the steps completed.</summary>
    public List<(string Hash, JsonNode? Value)> State { get; } = [];

    public List<RunRecord> Children { get; } = [];

    /// <summary><c>completed</c> or <c>failed</c>.</summary>
    public string Outcome { get; set; } = "unfinished";

    /// <summary>The function's result (completed) or error (failed), as sent.</summary>
    public JsonNode? Result { get; set; }
}
