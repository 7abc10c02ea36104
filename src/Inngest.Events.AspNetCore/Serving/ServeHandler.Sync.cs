using System.Net.Http.Headers;
using System.Text.Json;
using Inngest.Events.Protocol;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.AspNetCore.Serving;

internal sealed partial class ServeHandler
{
    /// <summary>
    /// PUT (docs/protocol.md#sync-put): in-band when Inngest asks for it with <c>X-Inngest-Sync-Kind: in_band</c>
    /// and it is allowed (answered with the app's config, after verifying the signature); otherwise out-of-band, by
    /// posting the config to <c>{apiBase}/fn/register</c>.
    /// </summary>
    private async Task<ServeResponse> SyncAsync(HttpRequest request, byte[] body, ServeAuthentication auth, CancellationToken cancellationToken)
    {
        var inBand = settings.AllowInBandSync
            && string.Equals(request.Headers[InngestHeaders.SyncKind].ToString(), InngestHeaders.InBand, StringComparison.Ordinal);
        return inBand
            ? SyncInBand(request, body, auth)
            : await SyncOutOfBandAsync(request, cancellationToken).ConfigureAwait(false);
    }

    private ServeResponse SyncInBand(HttpRequest request, byte[] body, ServeAuthentication auth)
    {
        if (!auth.Allowed)
        {
            ServeLog.Rejected(logger, request.Method, "in-band sync: " + auth.Reason);
            return ServeResponse.Unauthorized();
        }

        if (!TryReadInBandUrl(body, out var bodyUrl, out var problem))
        {
            return ServeResponse.Json(400, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("code", "invalid_request");
                writer.WriteString("message", problem);
                writer.WriteEndObject();
            });
        }

        // The URL comes from a verified request, so it can be trusted; the serve origin and path still win.
        var url = AdvertisedUrl(bodyUrl);
        var env = RequestEnv(request);
        var response = ServeResponse.Json(200, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("app_id", settings.AppId);
            WriteNullable(writer, "appVersion", settings.AppVersion);
            writer.WritePropertyName("capabilities");
            WriteCapabilities(writer);
            WriteNullable(writer, "env", env);
            writer.WriteString("framework", ServeHandler.Framework);
            WriteFunctions(writer, url);
            writer.WritePropertyName("inspection");
            WriteIntrospection(writer, auth, env);
            writer.WriteNull("platform");
            writer.WriteString("sdk_author", InngestSdk.Author);
            writer.WriteString("sdk_language", InngestSdk.Language);
            writer.WriteString("sdk_version", InngestSdk.Version);
            writer.WriteString("sdk", InngestSdk.Identifier);
            writer.WriteString("url", url.AbsoluteUri);
            writer.WriteEndObject();
        }, new KeyValuePair<string, string>(InngestHeaders.SyncKind, InngestHeaders.InBand));
        ServeLog.SyncedInBand(logger, settings.AppId, url.AbsoluteUri, runner.Registry.Functions.Count);
        return response;
    }

    /// <summary>The in-band request body is strictly <c>{"url": "&lt;http(s) URL&gt;"}</c>.</summary>
    private static bool TryReadInBandUrl(byte[] body, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url, out string problem)
    {
        url = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                problem = "The in-band sync body must be a JSON object {\"url\": \"...\"}.";
                return false;
            }

            foreach (var property in root.EnumerateObject())
            {
                if (property.Name != "url")
                {
                    problem = $"The in-band sync body has the unexpected property '{property.Name}'; only 'url' is allowed.";
                    return false;
                }
            }

            if (!root.TryGetProperty("url", out var value) || value.ValueKind != JsonValueKind.String
                || !Uri.TryCreate(value.GetString(), UriKind.Absolute, out url)
                || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                problem = "The in-band sync body's 'url' must be an absolute http(s) URL.";
                url = null;
                return false;
            }

            problem = string.Empty;
            return true;
        }
        catch (JsonException exception)
        {
            problem = "The in-band sync body is not JSON: " + exception.Message;
            return false;
        }
    }

    private async Task<ServeResponse> SyncOutOfBandAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var deployId = request.Query[ServeQuery.DeployId].ToString() is { Length: > 0 } id && id != "undefined" ? id : null;
        var url = AdvertisedUrl(RequestUrl(request));
        var registerUrl = new Uri(settings.ApiBaseUrl, "fn/register" + (deployId is null ? string.Empty : $"?{ServeQuery.DeployId}=" + Uri.EscapeDataString(deployId)));
        var body = ServeResponse.Write(writer => WriteRegisterBody(writer, url, deployId));
        var serverKind = request.Headers[InngestHeaders.ServerKind].ToString();

        HttpRequestMessage Create()
        {
            var message = new HttpRequestMessage(HttpMethod.Post, registerUrl) { Content = new ByteArrayContent(body) };
            message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            message.Headers.TryAddWithoutValidation(InngestHeaders.SyncKind, InngestHeaders.OutOfBand);
            message.Headers.TryAddWithoutValidation(InngestHeaders.Framework, ServeHandler.Framework);
            if (serverKind.Length > 0)
            {
                message.Headers.TryAddWithoutValidation(InngestHeaders.ExpectedServerKind, serverKind);
            }

            if (settings.Env is { } env)
            {
                message.Headers.TryAddWithoutValidation(InngestHeaders.Env, env);
            }

            return message;
        }

        string failure;
        try
        {
            using var response = await SendToApiAsync(Create, cancellationToken).ConfigureAwait(false);
            var text = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            var (modified, error) = ReadRegisterReply(text);
            if (response.IsSuccessStatusCode && error is null)
            {
                ServeLog.Synced(logger, runner.Registry.Functions.Count, settings.AppId, url.AbsoluteUri, registerUrl, modified);
                return SyncReply(200, "Successfully synced.", modified);
            }

            failure = $"Failed to register with {registerUrl.GetLeftPart(UriPartial.Path)}: {error ?? "no error message"} (status code {(int)response.StatusCode})";
        }
        catch (HttpRequestException exception)
        {
            failure = $"Failed to register with {registerUrl.GetLeftPart(UriPartial.Path)}: {exception.Message}";
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            failure = $"Failed to register with {registerUrl.GetLeftPart(UriPartial.Path)}: the request timed out";
        }

        ServeLog.SyncFailed(logger, settings.AppId, registerUrl, failure);
        return SyncReply(500, failure, modified: false);
    }

    private static ServeResponse SyncReply(int statusCode, string message, bool modified)
        => ServeResponse.Json(statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteBoolean("modified", modified);
            writer.WriteEndObject();
        }, new KeyValuePair<string, string>(InngestHeaders.SyncKind, InngestHeaders.OutOfBand));

    /// <summary>Reads <c>{"ok":true,"modified":..}</c> or an error body (<c>{"error":"..","status":400}</c> or <c>{"message":".."}</c>).</summary>
    private static (bool Modified, string? Error) ReadRegisterReply(byte[] body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (false, "the reply is not a JSON object");
            }

            var modified = root.TryGetProperty("modified", out var m) && m.ValueKind == JsonValueKind.True;
            var error = root.TryGetProperty("error", out var e) && e.ValueKind == JsonValueKind.String && e.GetString() is { Length: > 0 } text ? text
                : root.TryGetProperty("ok", out var ok) && ok.ValueKind == JsonValueKind.False
                    ? (root.TryGetProperty("message", out var msg) && msg.ValueKind == JsonValueKind.String ? msg.GetString() : "the reply says ok: false")
                    : null;
            return (modified, error);
        }
        catch (JsonException)
        {
            var text = System.Text.Encoding.UTF8.GetString(body);
            return (false, text.Length == 0 ? null : "the reply is not JSON: " + text[..Math.Min(200, text.Length)]);
        }
    }

    /// <summary>The register request (SDK <c>RegisterRequest</c>).</summary>
    private void WriteRegisterBody(Utf8JsonWriter writer, Uri url, string? deployId)
    {
        writer.WriteStartObject();
        writer.WriteString("url", url.AbsoluteUri);
        writer.WriteString("deployType", "ping");
        writer.WriteString("appName", settings.AppId);
        if (settings.AppVersion is { } version)
        {
            writer.WriteString("appVersion", version);
        }

        writer.WriteString("sdk", InngestSdk.Identifier);
        writer.WriteString("v", "0.1");
        writer.WriteString("framework", ServeHandler.Framework);
        if (deployId is not null)
        {
            writer.WriteString("deployId", deployId);
        }

        writer.WritePropertyName("capabilities");
        WriteCapabilities(writer);
        WriteFunctions(writer, url);
        writer.WriteEndObject();
    }

    private void WriteFunctions(Utf8JsonWriter writer, Uri url)
    {
        writer.WriteStartArray("functions");
        foreach (var function in runner.Registry.Functions)
        {
            FunctionConfigWriter.Write(writer, function, settings.AppId, url);
        }

        writer.WriteEndArray();
    }
}
