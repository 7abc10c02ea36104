using System.ComponentModel;
using System.Globalization;

namespace Inngest.Events.SourceGeneration;

/// <summary>
/// Formats the values of an <see cref="EventAttribute.Id"/> template's placeholders: culture-invariant, ISO 8601 for
/// dates, empty for null. Used by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class IdFormatting
{
    /// <summary>Formats one placeholder value.</summary>
    public static string Format<T>(T value) => value switch
    {
        null => string.Empty,
        string s => s,
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        DateTime d => d.ToString("O", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy'-'MM'-'dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
