using System.Security.Cryptography;
using System.Text;
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

        if (!Authorized(context.Request))
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

    /// <summary>With a signing key, only requests bearing its hash (or the fallback's) may register, as on a self-hosted server.</summary>
    private bool Authorized(HttpRequest request)
    {
        var keys = new[] { options.SigningKey ?? engine.HttpOptions.SigningKey, options.SigningKeyFallback ?? engine.HttpOptions.SigningKeyFallback }
            .Where(key => !string.IsNullOrEmpty(key))
            .ToArray();
        if (keys.Length == 0)
        {
            return true;
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var token = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        return keys.Any(key => CryptographicOperations.FixedTimeEquals(token, Encoding.UTF8.GetBytes(SigningKeys.HashForBearer(key!))));
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
