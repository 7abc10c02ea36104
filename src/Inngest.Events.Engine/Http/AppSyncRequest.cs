using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Http;

/// <summary>
/// What an app told the engine about itself, from a register request (<c>POST /fn/register</c>,
/// docs/protocol.md#sync-put) or an in-band sync reply: its id, URL, SDK and function configs.
/// </summary>
internal sealed record AppSyncRequest(string AppId, Uri Url, string? Sdk, string? Framework, string? AppVersion, IReadOnlyList<JsonElement> Functions, string SyncKind)
{
    /// <summary>Reads a register request: <c>{url, deployType, appName, sdk, v, framework, functions, ...}</c>.</summary>
    /// <exception cref="InngestSyncException">The request is invalid (400).</exception>
    public static AppSyncRequest FromRegisterBody(ReadOnlySpan<byte> body)
        => Read(body, "appName", InngestHeaders.OutOfBand, "register request");

    /// <summary>Reads an in-band sync reply: <c>{app_id, url, sdk, framework, functions, inspection, ...}</c>.</summary>
    /// <exception cref="InngestSyncException">The reply is invalid (502).</exception>
    public static AppSyncRequest FromInBandReply(ReadOnlySpan<byte> body)
        => Read(body, "app_id", InngestHeaders.InBand, "in-band sync reply");

    private static AppSyncRequest Read(ReadOnlySpan<byte> body, string appIdProperty, string syncKind, string what)
    {
        var status = syncKind == InngestHeaders.InBand ? 502 : 400;
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException exception)
        {
            throw new InngestSyncException(status, $"The {what} is not JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InngestSyncException(status, $"The {what} must be a JSON object.");
            }

            string? Text(string name) => root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var appId = Text(appIdProperty) is { Length: > 0 } id ? id : throw new InngestSyncException(status, $"The {what} has no '{appIdProperty}'; an app needs an id.");
            var urlText = Text("url");
            if (!Uri.TryCreate(urlText, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                throw new InngestSyncException(status, $"The {what} of app '{appId}' has the url '{urlText}', which is not an absolute http(s) URL.");
            }

            var functions = new List<JsonElement>();
            if (root.TryGetProperty("functions", out var list) && list.ValueKind != JsonValueKind.Null)
            {
                if (list.ValueKind != JsonValueKind.Array)
                {
                    throw new InngestSyncException(status, $"The {what} of app '{appId}' has 'functions' that is not an array.");
                }

                functions.AddRange(list.EnumerateArray().Select(f => f.Clone()));
            }

            return new AppSyncRequest(appId, url, Text("sdk"), Text("framework"), Text("appVersion"), functions, syncKind);
        }
    }
}
