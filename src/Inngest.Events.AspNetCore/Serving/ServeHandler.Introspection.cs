using System.Text.Json;
using Inngest.Events.Protocol;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.AspNetCore.Serving;

internal sealed partial class ServeHandler
{
    /// <summary>The introspection schema this endpoint answers with.</summary>
    public const string IntrospectionSchemaVersion = "2024-05-24";

    /// <summary>
    /// GET (docs/protocol.md#introspection-get): always 200. The unauthenticated body says only what is configured; a request
    /// whose signature verifies also gets the app's identity, origins, capabilities and key hashes.
    /// </summary>
    private ServeResponse Introspect(HttpRequest request, ServeAuthentication auth)
    {
        var env = RequestEnv(request);
        var body = ServeResponse.Write(writer => WriteIntrospection(writer, auth, env));
        ServeLog.Introspected(logger, auth.Succeeded == true);
        return new ServeResponse(200, body);
    }

    private string? RequestEnv(HttpRequest request)
        => request.Headers[InngestHeaders.Env].ToString() is { Length: > 0 } env ? env : settings.Env;

    private void WriteIntrospection(Utf8JsonWriter writer, ServeAuthentication auth, string? env)
    {
        writer.WriteStartObject();
        if (auth.Succeeded is { } succeeded)
        {
            writer.WriteBoolean("authentication_succeeded", succeeded);
        }
        else
        {
            writer.WriteNull("authentication_succeeded");
        }

        writer.WriteStartObject("extra");
        writer.WriteEndObject();
        writer.WriteNumber("function_count", runner.Registry.Functions.Count);
        writer.WriteBoolean("has_event_key", settings.EventKey is not null);
        writer.WriteBoolean("has_signing_key", settings.HasSigningKey);
        writer.WriteBoolean("has_signing_key_fallback", !string.IsNullOrEmpty(settings.SigningKeyFallback));
        writer.WriteString("mode", settings.Mode);
        writer.WriteString("schema_version", IntrospectionSchemaVersion);

        if (auth.Succeeded == true)
        {
            writer.WriteString("api_origin", settings.ApiBaseUrl.AbsoluteUri);
            writer.WriteString("app_id", settings.AppId);
            writer.WritePropertyName("capabilities");
            WriteCapabilities(writer);
            WriteNullable(writer, "env", env);
            writer.WriteString("event_api_origin", settings.EventApiBaseUrl.AbsoluteUri);
            WriteNullable(writer, "event_key_hash", settings.EventKey is { } key ? SigningKeys.HashEventKey(key) : null);
            writer.WriteString("framework", ServeHandler.Framework);
            writer.WriteString("sdk_language", InngestSdk.Language);
            writer.WriteString("sdk_version", InngestSdk.Version);
            WriteNullable(writer, "serve_origin", settings.ServeOrigin?.GetLeftPart(UriPartial.Authority));
            WriteNullable(writer, "serve_path", settings.ServePath);
            WriteNullable(writer, "signing_key_fallback_hash", ShortHash(settings.HashedSigningKeyFallback));
            WriteNullable(writer, "signing_key_hash", ShortHash(settings.HashedSigningKey));
        }

        writer.WriteEndObject();
    }

    /// <summary>Only what this endpoint implements: trust probes, and in-band sync unless it is turned off.</summary>
    private void WriteCapabilities(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (settings.AllowInBandSync)
        {
            writer.WriteString("in_band_sync", "v1");
        }

        writer.WriteString("trust_probe", "v1");
        writer.WriteEndObject();
    }

    /// <summary>Like the JavaScript SDK: the first 12 hex characters of the hashed key, prefix removed.</summary>
    private static string? ShortHash(string? hashedKey)
    {
        if (hashedKey is null)
        {
            return null;
        }

        var hex = SigningKeys.RemovePrefix(hashedKey);
        return hex[..Math.Min(12, hex.Length)];
    }

    private static void WriteNullable(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
