using System.Collections.Generic;
using System.Linq;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>A JSON number, kept as its text so that nothing is lost to a binary type.</summary>
internal sealed class LockNumber(string text) : LockNode
{
    public string Text { get; } = text;

    public override string Kind => "a number";

    public static LockNumber Of(long value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static LockNumber Of(ulong value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static LockNumber Of(decimal value) => new(value.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The value, when it is a number that <see cref="decimal"/> holds.</summary>
    public decimal? AsDecimal()
        => decimal.TryParse(Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
