namespace Inngest.Events.DevServer.Ui.Timeline;

/// <summary>A moment on a row of the run chart: a retry of the function, a flow-control decision, a match, a timeout.</summary>
/// <param name="At">When.</param>
/// <param name="Css">Its class.</param>
/// <param name="Title">What happened, in words.</param>
internal sealed record TimelineMarker(DateTimeOffset At, string Css, string Title);
