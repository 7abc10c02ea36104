namespace Inngest.Events.Interop.Tests.Executor;

/// <summary>One call the executor made and what it got back.</summary>
internal sealed record Exchange(string StepId, int Attempt, bool DisableImmediateExecution, SdkResponse Response, IReadOnlyList<(JsonObject Raw, StepOp Op)> Ops);
