namespace Inngest.Events.DevServer.Ui.Timeline;

/// <summary>A row of the run chart: the run itself, or one step.</summary>
/// <param name="Label">The function's or the step's id.</param>
/// <param name="Anchor">The id of the step's details on the page, or null for the run's row.</param>
/// <param name="Kind">A short word for what the row is (<c>run</c>, <c>step</c>, <c>sleep</c>, …).</param>
/// <param name="Segments">Its bars, in time order.</param>
/// <param name="Markers">Its moments.</param>
/// <param name="Summary">The row in words (status, attempts, duration), for reading and for screen readers.</param>
internal sealed record TimelineRow(
    string Label,
    string? Anchor,
    string Kind,
    IReadOnlyList<TimelineSegment> Segments,
    IReadOnlyList<TimelineMarker> Markers,
    string Summary);
