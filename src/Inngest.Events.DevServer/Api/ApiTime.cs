using System.Globalization;

namespace Inngest.Events.DevServer.Api;

/// <summary>Times as Inngest's REST API reads and writes them (Go's <c>time.Time</c>: RFC 3339, UTC, fractions trimmed).</summary>
internal static class ApiTime
{
    /// <summary>Formats <paramref name="time"/> as <c>2025-01-01T00:00:00.123Z</c>.</summary>
    public static string Format(DateTimeOffset time)
        => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Reads a time from a query parameter or body field: RFC 3339 / ISO 8601 (<c>2025-01-01T00:00:00Z</c>, a date alone
    /// is midnight UTC; no offset means UTC).
    /// </summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        return !string.IsNullOrWhiteSpace(text)
            && text.Length >= 10
            && char.IsAsciiDigit(text[0])
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
