using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Inngest.Events.DevServer.Ui.Html;
using Inngest.Events.Engine;

namespace Inngest.Events.DevServer.Ui;

/// <summary>How the pages show times, durations, statuses and JSON.</summary>
internal static class UiFormat
{
    private static readonly JsonWriterOptions Indented = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>A UTC time as <c>HH:mm:ss.fff</c> in a <c>&lt;time&gt;</c> element with the full time as its title.</summary>
    public static Markup Time(DateTimeOffset time, bool withDate = false)
    {
        var utc = time.UtcDateTime;
        var iso = utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var shown = utc.ToString(withDate ? "yyyy-MM-dd HH:mm:ss.fff" : "HH:mm:ss.fff", CultureInfo.InvariantCulture);
        return new HtmlBuilder().Add($"<time datetime=\"{iso}\" title=\"{utc.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture)} UTC\">{shown}</time>").ToMarkup();
    }

    /// <summary><c>0ms</c>, <c>120ms</c>, <c>1.50s</c>, <c>2m 05s</c>, <c>1h 02m</c>, <c>3d 4h</c>.</summary>
    public static string Duration(TimeSpan duration)
    {
        if (duration < TimeSpan.Zero)
        {
            duration = TimeSpan.Zero;
        }

        return duration.TotalSeconds switch
        {
            < 1 => $"{(int)duration.TotalMilliseconds}ms",
            < 10 => duration.TotalSeconds.ToString("0.00", CultureInfo.InvariantCulture) + "s",
            < 60 => duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s",
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalMinutes}m {duration.Seconds:00}s"),
            < 86400 => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalHours}h {duration.Minutes:00}m"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{(int)duration.TotalDays}d {duration.Hours}h"),
        };
    }

    /// <summary>An offset from the start of a run: <c>+1.50s</c>.</summary>
    public static string Offset(DateTimeOffset time, DateTimeOffset start) => "+" + Duration(time - start);

    /// <summary>The status as a coloured badge.</summary>
    public static Markup Badge(RunStatus status)
        => new HtmlBuilder().Add($"<span class=\"badge badge-{StatusClass(status)}\">{status.ToString()}</span>").ToMarkup();

    public static Markup Badge(StepStatus status)
        => new HtmlBuilder().Add($"<span class=\"badge badge-{StatusClass(status)}\">{Words(status.ToString())}</span>").ToMarkup();

    public static string StatusClass(RunStatus status) => status.ToString().ToLowerInvariant();

    public static string StatusClass(StepStatus status) => status switch
    {
        StepStatus.Completed => "completed",
        StepStatus.Failed => "failed",
        StepStatus.TimedOut => "timedout",
        StepStatus.Retrying => "retrying",
        StepStatus.Sleeping => "sleeping",
        StepStatus.Waiting or StepStatus.Invoking => "waiting",
        _ => "queued",
    };

    /// <summary><c>TimedOut</c> → <c>Timed out</c>.</summary>
    public static string Words(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>Indented JSON text (to be encoded into a page).</summary>
    public static string Json(JsonElement element)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, Indented))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Indented JSON in a <c>&lt;pre&gt;</c>.</summary>
    public static Markup JsonBlock(JsonElement element, string? label = null)
        => new HtmlBuilder().Add($"<pre class=\"json\" tabindex=\"0\"{(label is null ? Markup.Empty : new HtmlBuilder().Add($" aria-label=\"{label}\"").ToMarkup())}>{Json(element)}</pre>").ToMarkup();

    /// <summary>A path with query parameters, each value escaped; empty values are left out.</summary>
    public static string Url(string path, params (string Name, string? Value)[] query)
    {
        var url = new StringBuilder(path);
        var first = true;
        foreach (var (name, value) in query)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            url.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        return url.ToString();
    }

    /// <summary>The first characters of a ULID and an ellipsis, for narrow cells (the full id is in the title).</summary>
    public static string ShortId(string id) => id.Length > 12 ? id[..4] + "…" + id[^6..] : id;
}
