using Inngest.Events.Engine;
using Inngest.Events.Protocol;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.DevServer.Handlers;

/// <summary>
/// <c>POST /fn/register</c> (docs/protocol.md#sync-put): an SDK's out-of-band sync. Answers
/// <c>{"ok":true,"modified":..,"app_id":..,"sync_id":..}</c>, or <c>{"error":"..","status":..}</c> like the server.
/// </summary>
internal sealed class RegisterHandler(InngestEngine engine, InngestDevServerOptions options)
{
    public async Task HandleAsync(HttpContext context)
    {
        var serverKind = engine.HttpOptions.ServerKind;
        var expected = context.Request.Headers[InngestHeaders.ExpectedServerKind].ToString();
        if (expected.Length > 0 && !string.Equals(expected, serverKind, StringComparison.Ordinal))
        {
            await ErrorAsync(context, 400, $"Expected server kind {serverKind}, got {expected}").ConfigureAwait(false);
            return;
        }

        if (!BearerKeys.Authorized(context.Request, options, engine, acceptRawKey: false))
        {
            await ErrorAsync(context, 401, "Unauthorized: a register request must carry Authorization: Bearer <hashed signing key>").ConfigureAwait(false);
            return;
        }

        var body = await DevServerResponses.ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        AppSyncResult result;
        try
        {
            result = engine.RegisterApp(body);
        }
        catch (InngestSyncException exception)
        {
            await ErrorAsync(context, exception.StatusCode, exception.Message).ConfigureAwait(false);
            return;
        }

        await engine.FlushAsync(context.RequestAborted).ConfigureAwait(false);
        await DevServerResponses.WriteAsync(context, 200, serverKind, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("ok", true);
            writer.WriteBoolean("modified", result.Modified);
            writer.WriteString("app_id", result.App.AppId);
            writer.WriteString("sync_id", result.SyncId);
            writer.WriteEndObject();
        }).ConfigureAwait(false);
    }

    private Task ErrorAsync(HttpContext context, int status, string error)
        => DevServerResponses.WriteAsync(context, status, engine.HttpOptions.ServerKind, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("error", error);
            writer.WriteNumber("status", status);
            writer.WriteEndObject();
        });
}
