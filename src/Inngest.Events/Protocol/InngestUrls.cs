namespace Inngest.Events.Protocol;

/// <summary>Where Inngest is when nothing says otherwise (docs/protocol.md#configuration).</summary>
internal static class InngestUrls
{
    /// <summary>Inngest Cloud's event API.</summary>
    public static readonly Uri CloudEventApi = new("https://inn.gs/");

    /// <summary>Inngest Cloud's API (sync, run state).</summary>
    public static readonly Uri CloudApi = new("https://api.inngest.com/");

    /// <summary>The Inngest dev server, which serves both APIs on one port.</summary>
    public static readonly Uri DevServer = new("http://localhost:8288/");
}
