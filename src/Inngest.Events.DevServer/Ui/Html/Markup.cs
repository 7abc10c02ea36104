namespace Inngest.Events.DevServer.Ui.Html;

/// <summary>
/// HTML that is written as is: markup built by this code, never text from a user, an event or an app. Everything
/// else that goes into a page through <see cref="HtmlBuilder"/> is encoded.
/// </summary>
/// <param name="Value">The markup.</param>
internal readonly record struct Markup(string Value)
{
    public static Markup Empty { get; } = new(string.Empty);

    public override string ToString() => Value;
}
