namespace Inngest.Events.DevServer.Ui;

/// <summary>The section of the navigation a page belongs to.</summary>
internal enum UiSection
{
    Runs,
    Events,
    Apps,
    Send,
}
