namespace Inngest.Events.Engine.Store;

/// <summary>A finished call of a run: the request and the response the engine interpreted.</summary>
internal sealed record StoredCall(string RunId, CallRecord Call);
