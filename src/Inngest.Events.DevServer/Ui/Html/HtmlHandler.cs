using System.Globalization;
using System.Runtime.CompilerServices;

namespace Inngest.Events.DevServer.Ui.Html;

/// <summary>The interpolated-string handler of <see cref="HtmlBuilder.Add(ref HtmlHandler)"/>: literals as markup, holes encoded.</summary>
[InterpolatedStringHandler]
internal ref struct HtmlHandler
{
    private readonly HtmlBuilder _builder;

    public HtmlHandler(int literalLength, int formattedCount, HtmlBuilder builder)
    {
        _ = literalLength;
        _ = formattedCount;
        _builder = builder;
    }

    public readonly void AppendLiteral(string markup) => _builder.AppendMarkup(markup);

    public readonly void AppendFormatted(Markup markup) => _builder.AppendMarkup(markup.Value);

    public readonly void AppendFormatted(string? text) => _builder.Text(text);

    public readonly void AppendFormatted<T>(T value) => _builder.Text(value switch
    {
        null => null,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    });

    public readonly void AppendFormatted<T>(T value, string format)
        where T : IFormattable
        => _builder.Text(value.ToString(format, CultureInfo.InvariantCulture));
}
