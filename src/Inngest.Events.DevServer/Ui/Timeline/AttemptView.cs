using Inngest.Events.Protocol;

namespace Inngest.Events.DevServer.Ui.Timeline;

/// <summary>One execution of a run-type step: when its call started, when its answer was applied, and how it went.</summary>
/// <param name="Number">1 for the first attempt.</param>
/// <param name="Start">When the call that ran it started.</param>
/// <param name="End">When the engine applied its outcome.</param>
/// <param name="Succeeded">True when the step returned.</param>
/// <param name="Error">Its error when it threw.</param>
/// <param name="Final">True for a failure that is not retried.</param>
internal sealed record AttemptView(int Number, DateTimeOffset Start, DateTimeOffset End, bool Succeeded, StepError? Error, bool Final);
