using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary>
/// Fills unset <see cref="InngestOptions"/> from the environment with the precedence of the official SDKs
/// (docs/protocol.md#configuration). The environment lookup is injected so the precedence can be tested. The serve
/// endpoint resolves its own settings with the same rules (<see cref="ResolveBaseUrl"/>).
/// </summary>
internal static class InngestOptionsResolver
{

    /// <summary>Applies environment variables and defaults to <paramref name="options"/>.</summary>
    /// <exception cref="InngestConfigurationException">A setting or environment variable has an invalid value.</exception>
    public static ResolvedInngestOptions Resolve(InngestOptions options, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ValidateLimits(options);

        string? Env(string name) => Variable(getEnvironmentVariable, name);

        InngestMode mode = InngestMode.Resolve(options, Env(EnvironmentVariables.Dev));
        bool isDev = mode.IsDev;
        Uri baseUrl = ResolveBaseUrl(
            options.EventApiBaseUrl, "InngestOptions.EventApiBaseUrl", EnvironmentVariables.EventApiBaseUrl, InngestUrls.CloudEventApi, options, mode, getEnvironmentVariable);

        string? eventKey = NullIfEmpty(options.EventKey) ?? Env(EnvironmentVariables.EventKey);
        if (eventKey is null && isDev)
        {
            eventKey = ResolvedInngestOptions.DevModePlaceholderEventKey;
        }

        return new ResolvedInngestOptions
        {
            IsDev = isDev,
            ModeSource = mode.Source,
            EventApiBaseUrl = baseUrl,
            EventKey = eventKey,
            Env = NullIfEmpty(options.Env) ?? Env(EnvironmentVariables.Env),
            AppId = NullIfEmpty(options.AppId),
            MaxEventSizeBytes = options.MaxEventSizeBytes,
            MaxRequestBodyBytes = options.MaxRequestBodyBytes,
            MaxEventsPerRequest = options.MaxEventsPerRequest,
        };
    }

    /// <summary>Checks the size and count limits and the retry settings.</summary>
    /// <exception cref="InngestConfigurationException">A limit is out of range.</exception>
    public static void ValidateLimits(InngestOptions options)
    {
        if (options.MaxEventSizeBytes <= 0)
        {
            throw Invalid(nameof(InngestOptions.MaxEventSizeBytes), options.MaxEventSizeBytes, "must be positive");
        }

        if (options.MaxRequestBodyBytes <= 0)
        {
            throw Invalid(nameof(InngestOptions.MaxRequestBodyBytes), options.MaxRequestBodyBytes, "must be positive");
        }

        if (options.MaxEventsPerRequest is <= 0 or > InngestOptions.DefaultMaxEventsPerRequest)
        {
            throw Invalid(nameof(InngestOptions.MaxEventsPerRequest), options.MaxEventsPerRequest, $"must be between 1 and {EventRules.MaxEventsPerRequest}, the event API's limit");
        }

        InngestRetryOptions? retry = options.Retry;
        if (retry is null)
        {
            throw new InngestConfigurationException("InngestOptions.Retry is null; leave it at its default or set it to new InngestRetryOptions { ... }.");
        }

        if (retry.MaxRetryAttempts < 0)
        {
            throw Invalid("Retry.MaxRetryAttempts", retry.MaxRetryAttempts, "must be 0 (no retries) or more");
        }

        if (retry.BaseDelay < TimeSpan.Zero || retry.MaxDelay < TimeSpan.Zero)
        {
            throw Invalid("Retry.BaseDelay and Retry.MaxDelay", $"{retry.BaseDelay} and {retry.MaxDelay}", "must not be negative");
        }
    }

    /// <summary>
    /// The base URL of one of Inngest's APIs, with a trailing slash: the API's own option, <see cref="InngestOptions.BaseUrl"/>,
    /// in dev mode <see cref="InngestOptions.DevServerUrl"/>, the API's own variable, <c>INNGEST_BASE_URL</c>, in dev mode
    /// the URL in <c>INNGEST_DEV</c>, then the mode's default (the dev server, or <paramref name="cloudDefault"/>).
    /// </summary>
    /// <exception cref="InngestConfigurationException">One of them is not an absolute http(s) URL.</exception>
    public static Uri ResolveBaseUrl(
        Uri? specific, string specificName, string specificVariable, Uri cloudDefault, InngestOptions options, InngestMode mode, Func<string, string?> getEnvironmentVariable)
    {
        Uri url =
            Absolute(specific, specificName)
            ?? Absolute(options.BaseUrl, "InngestOptions.BaseUrl")
            ?? (mode.IsDev ? Absolute(options.DevServerUrl, "InngestOptions.DevServerUrl") : null)
            ?? UrlVariable(Variable(getEnvironmentVariable, specificVariable), specificVariable)
            ?? UrlVariable(Variable(getEnvironmentVariable, EnvironmentVariables.BaseUrl), EnvironmentVariables.BaseUrl)
            ?? (mode.IsDev ? mode.DevUrl : null)
            ?? (mode.IsDev ? InngestUrls.DevServer : cloudDefault);
        return WithTrailingSlash(url);
    }

    /// <summary>The trimmed value of an environment variable, or null when it is unset or blank.</summary>
    public static string? Variable(Func<string, string?> getEnvironmentVariable, string name)
    {
        string? value = getEnvironmentVariable(name)?.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The trimmed value, or null when it is null or blank.</summary>
    public static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Whether <paramref name="value"/> is an absolute http or https URL.</summary>
    public static bool TryParseHttpUrl(string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url) =>
        Uri.TryCreate(value, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static InngestConfigurationException Invalid(string name, object value, string rule) =>
        new($"InngestOptions.{name} is {value}, but it {rule}.");

    private static Uri? Absolute(Uri? url, string name)
    {
        if (url is null)
        {
            return null;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new InngestConfigurationException($"{name} is '{url}', but it must be an absolute http or https URL such as {InngestUrls.CloudEventApi}.");
        }

        return url;
    }

    private static Uri? UrlVariable(string? value, string variable)
    {
        if (value is null)
        {
            return null;
        }

        return TryParseHttpUrl(value, out Uri? url)
            ? url
            : throw new InngestConfigurationException(
                $"The environment variable {variable} has the value '{value}', but it must be an absolute http or https URL such as {InngestUrls.DevServer}.");
    }

    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
}
