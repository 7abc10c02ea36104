using System.Globalization;
using Inngest.Events.Engine;

namespace Inngest.Events.DevServer.Ui.Pages;

/// <summary>
/// The Runs page's filters, from its query string: <c>function</c> (composite id), <c>status</c>, <c>event</c> (the
/// trigger's name), <c>range</c> (<c>15m</c>, <c>1h</c>, <c>24h</c>, <c>7d</c>) or <c>from</c>/<c>to</c> (UTC), and
/// <c>before</c> (the last run id of the previous page).
/// </summary>
internal sealed record RunFilter(string Function, RunStatus? Status, string EventName, string Range, DateTimeOffset? From, DateTimeOffset? To, string Before)
{
    public const int PageSize = 50;

    public static readonly (string Value, string Label, TimeSpan Span)[] Ranges =
    [
        ("15m", "Last 15 minutes", TimeSpan.FromMinutes(15)),
        ("1h", "Last hour", TimeSpan.FromHours(1)),
        ("24h", "Last 24 hours", TimeSpan.FromHours(24)),
        ("7d", "Last 7 days", TimeSpan.FromDays(7)),
    ];

    /// <summary>What could not be read, to show above the table (the filter is then left out).</summary>
    public List<string> Problems { get; } = [];

    public static RunFilter Read(UiRequest request)
    {
        var problems = new List<string>();
        RunStatus? status = null;
        if (request.Query("status") is { Length: > 0 } statusText)
        {
            if (Enum.TryParse<RunStatus>(statusText, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !char.IsAsciiDigit(statusText[0]))
            {
                status = parsed;
            }
            else
            {
                problems.Add($"Unknown status '{statusText}'.");
            }
        }

        var range = request.Query("range");
        if (range.Length > 0 && !Ranges.Any(r => r.Value == range))
        {
            problems.Add($"Unknown time range '{range}'.");
            range = string.Empty;
        }

        var from = Time(request.Query("from"), "from", problems);
        var to = Time(request.Query("to"), "to", problems);
        var filter = new RunFilter(request.Query("function"), status, request.Query("event"), range, from, to, request.Query("before"));
        filter.Problems.AddRange(problems);
        return filter;
    }

    public bool IsEmpty => Function.Length == 0 && Status is null && EventName.Length == 0 && Range.Length == 0 && From is null && To is null;

    /// <summary>The runs that pass, newest first, one page from <see cref="Before"/>; and whether there are more.</summary>
    public (IReadOnlyList<RunRecord> Page, bool More) Apply(IReadOnlyList<RunRecord> runs, DateTimeOffset now)
    {
        var since = Ranges.FirstOrDefault(r => r.Value == Range) is { Value: not null } preset ? now - preset.Span : (DateTimeOffset?)null;
        var page = new List<RunRecord>(PageSize);
        var skipping = Before.Length > 0;
        for (var i = runs.Count - 1; i >= 0; i--)
        {
            var run = runs[i];
            if (skipping)
            {
                skipping = run.RunId != Before;
                continue;
            }

            if ((Function.Length > 0 && run.CompositeFunctionId != Function)
                || (Status is { } status && run.Status != status)
                || (EventName.Length > 0 && EventNameOf(run) != EventName)
                || (since is { } s && run.CreatedAt < s)
                || (From is { } from && run.CreatedAt < from)
                || (To is { } to && run.CreatedAt > to))
            {
                continue;
            }

            if (page.Count == PageSize)
            {
                return (page, true);
            }

            page.Add(run);
        }

        return (page, false);
    }

    public static string EventNameOf(RunRecord run)
        => run.Event.ValueKind == System.Text.Json.JsonValueKind.Object && run.Event.TryGetProperty("name", out var name) ? name.GetString() ?? string.Empty : string.Empty;

    private static DateTimeOffset? Time(string text, string name, List<string> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        problems.Add($"'{text}' is not a time for '{name}'; use 2025-01-31T14:00 (UTC).");
        return null;
    }
}
