namespace Inngest.Events.Interop.Tests.Executor;

/// <summary>How the executor settles the async steps of a scenario.</summary>
internal enum InvokeOutcome
{
    /// <summary>Run the invoked function as its own run on the same SDK and store its result (or error).</summary>
    RunChild,

    /// <summary>Let the invocation time out: store Inngest's timeout error.</summary>
    TimeOut,
}
