using Inngest.Events.Protocol;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary>
/// Resolves the endpoint's settings with the precedence of the official SDKs (design/inngest-protocol.md §2): explicit
/// options first, then the <c>INNGEST_*</c> variables (read through configuration, which includes the environment), then
/// the mode's defaults. Cloud mode without a signing key is a configuration error: every request would be refused.
/// </summary>
internal static class ServeSettingsResolver
{
    public const string SigningKeyVariable = "INNGEST_SIGNING_KEY";
    public const string SigningKeyFallbackVariable = "INNGEST_SIGNING_KEY_FALLBACK";
    public const string ServeOriginVariable = "INNGEST_SERVE_ORIGIN";
    public const string ServeHostVariable = "INNGEST_SERVE_HOST";
    public const string ServePathVariable = "INNGEST_SERVE_PATH";
    public const string ApiBaseUrlVariable = "INNGEST_API_BASE_URL";
    public const string EventApiBaseUrlVariable = "INNGEST_EVENT_API_BASE_URL";
    public const string BaseUrlVariable = "INNGEST_BASE_URL";
    public const string DevVariable = "INNGEST_DEV";
    public const string EventKeyVariable = "INNGEST_EVENT_KEY";
    public const string EnvVariable = "INNGEST_ENV";
    public const string AllowInBandSyncVariable = "INNGEST_ALLOW_IN_BAND_SYNC";
    public const string StreamingVariable = "INNGEST_STREAMING";

    public static readonly Uri CloudApiBaseUrl = new("https://api.inngest.com/");
    public static readonly Uri CloudEventApiBaseUrl = new("https://inn.gs/");
    public static readonly Uri DevServerBaseUrl = new("http://localhost:8288/");

    /// <exception cref="InngestConfigurationException">A setting is missing or invalid.</exception>
    public static ServeSettings Resolve(InngestServeOptions serve, InngestOptions client, string? appId, Func<string, string?> variable)
    {
        ArgumentNullException.ThrowIfNull(serve);
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(variable);

        string? Var(string name) => variable(name)?.Trim() is { Length: > 0 } value ? value : null;

        appId = NullIfEmpty(appId) ?? NullIfEmpty(client.AppId) ?? throw new InngestConfigurationException(
            "The Inngest serve endpoint needs an app id: set InngestOptions.AppId (for example services.AddInngest(o => o.AppId = \"my-app\")). " +
            "Inngest knows each function as {appId}-{functionId}.");

        var devValue = Var(DevVariable);
        var (isDev, modeSource, devUrl) = InngestMode.Resolve(client, devValue);

        var signingKey = NullIfEmpty(serve.SigningKey) ?? Var(SigningKeyVariable);
        var fallbackKey = NullIfEmpty(serve.SigningKeyFallback) ?? Var(SigningKeyFallbackVariable);
        if (!isDev && signingKey is null)
        {
            throw new InngestConfigurationException(
                $"The Inngest serve endpoint is in cloud mode ({modeSource}) but has no signing key, so it could not verify any request from Inngest. " +
                $"Set {SigningKeyVariable} (or InngestServeOptions.SigningKey) to your key from https://app.inngest.com/env/production/manage/signing-key, " +
                $"or set {DevVariable}=1 to serve the Inngest dev server.");
        }

        var apiBase =
            Absolute(serve.ApiBaseUrl, "InngestServeOptions.ApiBaseUrl")
            ?? Absolute(client.BaseUrl, "InngestOptions.BaseUrl")
            ?? (isDev ? Absolute(client.DevServerUrl, "InngestOptions.DevServerUrl") : null)
            ?? UrlVariable(Var(ApiBaseUrlVariable), ApiBaseUrlVariable)
            ?? UrlVariable(Var(BaseUrlVariable), BaseUrlVariable)
            ?? (isDev ? devUrl : null)
            ?? (isDev ? DevServerBaseUrl : CloudApiBaseUrl);
        var eventApiBase =
            Absolute(client.EventApiBaseUrl, "InngestOptions.EventApiBaseUrl")
            ?? Absolute(client.BaseUrl, "InngestOptions.BaseUrl")
            ?? (isDev ? Absolute(client.DevServerUrl, "InngestOptions.DevServerUrl") : null)
            ?? UrlVariable(Var(EventApiBaseUrlVariable), EventApiBaseUrlVariable)
            ?? UrlVariable(Var(BaseUrlVariable), BaseUrlVariable)
            ?? (isDev ? devUrl : null)
            ?? (isDev ? DevServerBaseUrl : CloudEventApiBaseUrl);

        var originText = NullIfEmpty(serve.ServeOrigin) ?? Var(ServeOriginVariable) ?? Var(ServeHostVariable);
        Uri? origin = null;
        if (originText is not null)
        {
            // A bare host (INNGEST_SERVE_HOST=myapp.internal:3000) is taken as http.
            var candidate = originText.Contains("://", StringComparison.Ordinal) ? originText : "http://" + originText;
            if (!TryHttpUrl(candidate, out origin))
            {
                throw new InngestConfigurationException(
                    $"The serve origin '{originText}' ({ServeOriginVariable} or InngestServeOptions.ServeOrigin) must be an http(s) origin such as https://app.example.com.");
            }
        }

        var path = NullIfEmpty(serve.ServePath) ?? Var(ServePathVariable);
        if (path is not null && !path.StartsWith('/'))
        {
            path = "/" + path;
        }

        bool allowInBand = serve.AllowInBandSync ?? ParseBoolean(Var(AllowInBandSyncVariable)) ?? true;
        bool streaming = serve.Streaming ?? ParseStreaming(Var(StreamingVariable));
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
            HashedSigningKey = signingKey is null ? null : Hash(signingKey, SigningKeyVariable),
            HashedSigningKeyFallback = fallbackKey is null ? null : Hash(fallbackKey, SigningKeyFallbackVariable),
            EventKey = NullIfEmpty(client.EventKey) ?? Var(EventKeyVariable),
            Env = NullIfEmpty(client.Env) ?? Var(EnvVariable),
            ApiBaseUrl = WithTrailingSlash(apiBase),
            EventApiBaseUrl = WithTrailingSlash(eventApiBase),
            ServeOrigin = origin,
            ServePath = path,
            AllowInBandSync = allowInBand,
            SignResponses = serve.SignResponses,
            Streaming = streaming,
            StreamingHeartbeat = serve.StreamingHeartbeat,
            AppVersion = NullIfEmpty(serve.AppVersion),
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
            $"{StreamingVariable} has the value '{value}', but it must be true or false (1/0, yes/no, on/off; allow and force also mean true).");
    }

    private static bool? ParseBoolean(string? value) => value?.ToLowerInvariant() switch
    {
        null => null,
        "1" or "true" or "yes" or "on" => true,
        "0" or "false" or "no" or "off" => false,
        _ => null,
    };

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? Absolute(Uri? url, string name)
    {
        if (url is null)
        {
            return null;
        }

        return url.IsAbsoluteUri && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            ? url
            : throw new InngestConfigurationException($"{name} is '{url}', but it must be an absolute http or https URL.");
    }

    private static Uri? UrlVariable(string? value, string name)
    {
        if (value is null)
        {
            return null;
        }

        return TryHttpUrl(value, out var url)
            ? url
            : throw new InngestConfigurationException($"{name} has the value '{value}', but it must be an absolute http or https URL.");
    }

    private static bool TryHttpUrl(string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url)
        => Uri.TryCreate(value, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static Uri WithTrailingSlash(Uri url)
        => url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
}
