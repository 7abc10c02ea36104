using Inngest.Events.Protocol;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary>
/// Resolves the endpoint's settings with the precedence of the official SDKs (docs/protocol.md#configuration): explicit
/// options first, then the <c>INNGEST_*</c> variables (read through configuration, which includes the environment), then
/// the mode's defaults. Cloud mode without a signing key is a configuration error: every request would be refused.
/// </summary>
internal static class ServeSettingsResolver
{
    /// <exception cref="InngestConfigurationException">A setting is missing or invalid.</exception>
    public static ServeSettings Resolve(InngestServeOptions serve, InngestOptions client, string? appId, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(serve);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(variable);

        string? Var(string name) => InngestOptionsResolver.Variable(variable, name);

        appId = InngestOptionsResolver.NullIfEmpty(appId) ?? InngestOptionsResolver.NullIfEmpty(client.AppId) ?? throw new InngestConfigurationException(
            "The Inngest serve endpoint needs an app id: set InngestOptions.AppId (for example services.AddInngest(o => o.AppId = \"my-app\")). " +
            "Inngest knows each function as {appId}-{functionId}.");

        var mode = InngestMode.Resolve(client, Var(EnvironmentVariables.Dev));
        var (isDev, modeSource) = (mode.IsDev, mode.Source);

        var signingKey = InngestOptionsResolver.NullIfEmpty(serve.SigningKey) ?? Var(EnvironmentVariables.SigningKey);
        var fallbackKey = InngestOptionsResolver.NullIfEmpty(serve.SigningKeyFallback) ?? Var(EnvironmentVariables.SigningKeyFallback);
        if (!isDev && signingKey is null)
        {
            throw new InngestConfigurationException(
                $"The Inngest serve endpoint is in cloud mode ({modeSource}) but has no signing key, so it could not verify any request from Inngest. " +
                $"Set {EnvironmentVariables.SigningKey} (or InngestServeOptions.SigningKey) to your key from https://app.inngest.com/env/production/manage/signing-key, " +
                $"or set {EnvironmentVariables.Dev}=1 to serve the Inngest dev server.");
        }

        var apiBase = InngestOptionsResolver.ResolveBaseUrl(
            serve.ApiBaseUrl, "InngestServeOptions.ApiBaseUrl", EnvironmentVariables.ApiBaseUrl, InngestUrls.CloudApi, client, mode, variable);
        var eventApiBase = InngestOptionsResolver.ResolveBaseUrl(
            client.EventApiBaseUrl, "InngestOptions.EventApiBaseUrl", EnvironmentVariables.EventApiBaseUrl, InngestUrls.CloudEventApi, client, mode, variable);

        var originText = InngestOptionsResolver.NullIfEmpty(serve.ServeOrigin) ?? Var(EnvironmentVariables.ServeOrigin) ?? Var(EnvironmentVariables.ServeHost);
        Uri? origin = null;
        if (originText is not null)
        {
            // A bare host (INNGEST_SERVE_HOST=myapp.internal:3000) is taken as http.
            var candidate = originText.Contains("://", StringComparison.Ordinal) ? originText : "http://" + originText;
            if (!InngestOptionsResolver.TryParseHttpUrl(candidate, out origin))
            {
                throw new InngestConfigurationException(
                    $"The serve origin '{originText}' ({EnvironmentVariables.ServeOrigin} or InngestServeOptions.ServeOrigin) must be an http(s) origin such as https://app.example.com.");
            }
        }

        var path = InngestOptionsResolver.NullIfEmpty(serve.ServePath) ?? Var(EnvironmentVariables.ServePath);
        if (path is not null && !path.StartsWith('/'))
        {
            path = "/" + path;
        }

        bool allowInBand = serve.AllowInBandSync ?? ParseBoolean(Var(EnvironmentVariables.AllowInBandSync)) ?? true;
        bool streaming = serve.Streaming ?? ParseStreaming(Var(EnvironmentVariables.Streaming));
        if (serve.StreamingHeartbeat <= TimeSpan.Zero)
        {
            throw new InngestConfigurationException(
                $"InngestServeOptions.StreamingHeartbeat is {serve.StreamingHeartbeat}, but it must be positive (the default is 3 seconds).");
        }

        return new ServeSettings
        {
            AppId = appId,
            IsDev = isDev,
            ModeSource = modeSource,
            SigningKey = signingKey,
            SigningKeyFallback = fallbackKey,
            HashedSigningKey = signingKey is null ? null : Hash(signingKey, EnvironmentVariables.SigningKey),
            HashedSigningKeyFallback = fallbackKey is null ? null : Hash(fallbackKey, EnvironmentVariables.SigningKeyFallback),
            EventKey = InngestOptionsResolver.NullIfEmpty(client.EventKey) ?? Var(EnvironmentVariables.EventKey),
            Env = InngestOptionsResolver.NullIfEmpty(client.Env) ?? Var(EnvironmentVariables.Env),
            ApiBaseUrl = apiBase,
            EventApiBaseUrl = eventApiBase,
            ServeOrigin = origin,
            ServePath = path,
            AllowInBandSync = allowInBand,
            SignResponses = serve.SignResponses,
            Streaming = streaming,
            StreamingHeartbeat = serve.StreamingHeartbeat,
            AppVersion = InngestOptionsResolver.NullIfEmpty(serve.AppVersion),
        };
    }

    private static string Hash(string key, string name)
    {
        try
        {
            return SigningKeys.HashForBearer(key);
        }
        catch (FormatException exception)
        {
            throw new InngestConfigurationException($"{name} is not a valid signing key: {exception.Message}", exception);
        }
    }

    /// <summary><c>INNGEST_STREAMING</c>: a boolean, or the JS SDK's older <c>allow</c>/<c>force</c> (both mean on).</summary>
    private static bool ParseStreaming(string? value)
    {
        if (value is null)
        {
            return false;
        }

        if (value.Equals("allow", StringComparison.OrdinalIgnoreCase) || value.Equals("force", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return ParseBoolean(value) ?? throw new InngestConfigurationException(
            $"{EnvironmentVariables.Streaming} has the value '{value}', but it must be true or false (1/0, yes/no, on/off; allow and force also mean true).");
    }

    private static bool? ParseBoolean(string? value) => value?.ToLowerInvariant() switch
    {
        null => null,
        "1" or "true" or "yes" or "on" => true,
        "0" or "false" or "no" or "off" => false,
        _ => null,
    };
}
