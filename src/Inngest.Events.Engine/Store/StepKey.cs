namespace Inngest.Events.Engine.Store;

/// <summary>A step of a run: the run id and the step's hashed id.</summary>
internal readonly record struct StepKey(string RunId, string Hash);
