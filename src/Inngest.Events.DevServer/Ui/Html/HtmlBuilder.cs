using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace Inngest.Events.DevServer.Ui.Html;

/// <summary>
/// Builds a page from interpolated strings whose literal parts are markup and whose holes are encoded: a hole with
/// text from anywhere (an event's data, a step's error, an app's name) cannot open a tag or end an attribute. Only a
/// <see cref="Markup"/> hole is written as is.
/// </summary>
internal sealed class HtmlBuilder
{
    /// <summary>Encodes &lt; &gt; &amp; quotes and the like, and leaves letters of every script readable.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private readonly StringBuilder _html = new();

    public HtmlBuilder Add([InterpolatedStringHandlerArgument("")] ref HtmlHandler html) => this;

    /// <summary>Encoded text.</summary>
    public HtmlBuilder Text(string? text)
    {
        if (!string.IsNullOrEmpty(text))
        {
            Encoder.Encode(new StringWriter(_html), text);
        }

        return this;
    }

    public HtmlBuilder Add(Markup markup)
    {
        _html.Append(markup.Value);
        return this;
    }

    public Markup ToMarkup() => new(_html.ToString());

    public override string ToString() => _html.ToString();

    internal void AppendMarkup(string markup) => _html.Append(markup);

    /// <summary>Encodes text, also for a double-quoted attribute value.</summary>
    public static string Encode(string? text) => string.IsNullOrEmpty(text) ? string.Empty : Encoder.Encode(text);
}
