using Inngest.Events.Engine;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.DevServer.Handlers;

/// <summary><c>GET /dev</c>: the synced apps and their functions, and the engine's runs by status; <c>GET /health</c>.</summary>
internal sealed class DevInfoHandler(InngestEngine engine)
{
    public Task InfoAsync(HttpContext context)
    {
        var apps = engine.Apps;
        var runs = engine.Runs;
        return DevServerResponses.WriteAsync(context, 200, engine.HttpOptions.ServerKind, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("app_id", engine.AppId);
            writer.WriteStartArray("apps");
            foreach (var app in apps)
            {
                writer.WriteStartObject();
                writer.WriteString("id", app.AppId);
                writer.WriteString("url", app.Url.AbsoluteUri);
                writer.WriteString("sdk", app.Sdk);
                writer.WriteString("framework", app.Framework);
                writer.WriteString("sync_kind", app.SyncKind);
                writer.WriteString("synced_at", app.SyncedAt);
                writer.WriteStartArray("functions");
                foreach (var id in app.FunctionIds)
                {
                    writer.WriteStringValue(id);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteStartObject("runs");
            foreach (var group in runs.GroupBy(r => r.Status).OrderBy(g => g.Key))
            {
                writer.WriteNumber(group.Key.ToString().ToLowerInvariant(), group.Count());
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }

    public Task HealthAsync(HttpContext context)
        => DevServerResponses.WriteAsync(context, 200, engine.HttpOptions.ServerKind, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("status", 200);
            writer.WriteString("message", "OK");
            writer.WriteEndObject();
        });
}
