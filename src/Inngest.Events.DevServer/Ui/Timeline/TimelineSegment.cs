namespace Inngest.Events.DevServer.Ui.Timeline;

/// <summary>A bar of the run chart.</summary>
/// <param name="Start">Where it starts.</param>
/// <param name="End">Where it ends.</param>
/// <param name="Css">Its class: what it shows (an attempt that worked or failed, a backoff, a sleep, a wait, …).</param>
/// <param name="Title">What it is, in words (its tooltip).</param>
internal sealed record TimelineSegment(DateTimeOffset Start, DateTimeOffset End, string Css, string Title);
