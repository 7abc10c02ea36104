using Inngest.Events.Engine;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.DevServer.Handlers;

/// <summary><c>GET /dev</c>: the synced apps and their functions, and the engine's runs by status; <c>GET /health</c>.</summary>
internal sealed class DevInfoHandler(InngestEngine engine)
{
    public Task InfoAsync(HttpContext context)
    {
        var apps = engine.Apps;
        // Counted by the store, not read: a persistent dev server's runs pile up across restarts.
        var runs = engine.Store.CountRuns();
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
            foreach (var (status, count) in runs.OrderBy(r => r.Key))
            {
                writer.WriteNumber(status.ToString().ToLowerInvariant(), count);
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
