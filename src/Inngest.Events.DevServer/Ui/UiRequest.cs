using Inngest.Events.Engine;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.DevServer.Ui;

/// <summary>What a page is rendered for: the request, the engine and its clock.</summary>
internal sealed record UiRequest(HttpContext Http, InngestEngine Engine, AppSyncLog Syncs)
{
    public string PathBase => Http.Request.PathBase.Value ?? string.Empty;

    public DateTimeOffset Now { get; } = Engine.TimeProvider.GetUtcNow();

    public string Query(string name) => Http.Request.Query[name].ToString().Trim();
}
