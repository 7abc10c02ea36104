namespace Inngest.Events;

/// <summary>
/// Fills unset <see cref="InngestOptions"/> from the environment with the precedence of the official SDKs
/// (design/inngest-protocol.md §2). The environment lookup is injected so the precedence can be tested.
/// </summary>
internal static class InngestOptionsResolver
{
    public const string EventKeyVariable = "INNGEST_EVENT_KEY";
    public const string DevVariable = "INNGEST_DEV";
    public const string BaseUrlVariable = "INNGEST_BASE_URL";
    public const string EventApiBaseUrlVariable = "INNGEST_EVENT_API_BASE_URL";
    public const string EnvVariable = "INNGEST_ENV";

    public static readonly Uri CloudEventApiBaseUrl = new("https://inn.gs/");
    public static readonly Uri DevServerBaseUrl = new("http://localhost:8288/");

    /// <summary>Applies environment variables and defaults to <paramref name="options"/>.</summary>
    /// <exception cref="InngestConfigurationException">A setting or environment variable has an invalid value.</exception>
    public static ResolvedInngestOptions Resolve(InngestOptions options, Func<string, string?> getEnvironmentVariable)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(getEnvironmentVariable);
        ValidateLimits(options);

        string? Env(string name)
        {
            string? value = getEnvironmentVariable(name)?.Trim();
            return string.IsNullOrEmpty(value) ? null : value;
        }

        string? devValue = Env(DevVariable);
        var (isDev, modeSource, devUrl) = InngestMode.Resolve(options, devValue);

        Uri baseUrl =
            Absolute(options.EventApiBaseUrl, "InngestOptions.EventApiBaseUrl")
            ?? Absolute(options.BaseUrl, "InngestOptions.BaseUrl")
            ?? (isDev ? Absolute(options.DevServerUrl, "InngestOptions.DevServerUrl") : null)
            ?? UrlVariable(Env(EventApiBaseUrlVariable), EventApiBaseUrlVariable)
            ?? UrlVariable(Env(BaseUrlVariable), BaseUrlVariable)
            ?? (isDev ? devUrl : null)
            ?? (isDev ? DevServerBaseUrl : CloudEventApiBaseUrl);

        string? eventKey = NullIfEmpty(options.EventKey) ?? Env(EventKeyVariable);
        if (eventKey is null && isDev)
        {
            eventKey = ResolvedInngestOptions.DevModePlaceholderEventKey;
        }

        return new ResolvedInngestOptions
        {
            IsDev = isDev,
            ModeSource = modeSource,
            EventApiBaseUrl = WithTrailingSlash(baseUrl),
            EventKey = eventKey,
            Env = NullIfEmpty(options.Env) ?? Env(EnvVariable),
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
            throw Invalid(nameof(InngestOptions.MaxEventsPerRequest), options.MaxEventsPerRequest, "must be between 1 and 5000, the event API's limit");
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

    private static InngestConfigurationException Invalid(string name, object value, string rule) =>
        new($"InngestOptions.{name} is {value}, but it {rule}.");

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Uri? Absolute(Uri? url, string name)
    {
        if (url is null)
        {
            return null;
        }

        if (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
        {
            throw new InngestConfigurationException($"{name} is '{url}', but it must be an absolute http or https URL such as https://inn.gs/.");
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
                $"The environment variable {variable} has the value '{value}', but it must be an absolute http or https URL such as http://localhost:8288.");
    }

    private static bool TryParseHttpUrl(string value, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url) =>
        Uri.TryCreate(value, UriKind.Absolute, out url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);

    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsolutePath.EndsWith('/') ? url : new Uri(url.GetLeftPart(UriPartial.Path) + "/");
}
