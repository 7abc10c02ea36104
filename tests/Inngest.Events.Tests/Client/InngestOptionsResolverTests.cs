using Xunit;

namespace Inngest.Events.Tests.Client;

public sealed class InngestOptionsResolverTests
{
    // Columns: explicit IsDev, DevServerUrl, EventApiBaseUrl and BaseUrl options; environment as "NAME=value;...";
    // then the expected mode and event API origin. Rows follow docs/protocol.md#configuration.
    [Theory]
    [InlineData(null, null, null, null, "", false, "https://inn.gs/")]
    [InlineData(null, null, null, null, "INNGEST_DEV=1", true, "http://localhost:8288/")]
    [InlineData(null, null, null, null, "INNGEST_DEV=true", true, "http://localhost:8288/")]
    [InlineData(null, null, null, null, "INNGEST_DEV=TRUE", true, "http://localhost:8288/")]
    [InlineData(null, null, null, null, "INNGEST_DEV=0", false, "https://inn.gs/")]
    [InlineData(null, null, null, null, "INNGEST_DEV=false", false, "https://inn.gs/")]
    [InlineData(null, null, null, null, "INNGEST_DEV=", false, "https://inn.gs/")]
    [InlineData(null, null, null, null, "INNGEST_DEV=http://devhost:9999", true, "http://devhost:9999/")]
    [InlineData(null, null, null, null, "INNGEST_DEV=1;INNGEST_BASE_URL=http://base:1", true, "http://base:1/")]
    [InlineData(null, null, null, null, "INNGEST_DEV=http://devhost:9999;INNGEST_BASE_URL=http://base:1", true, "http://base:1/")]
    [InlineData(null, null, null, null, "INNGEST_BASE_URL=http://base:1;INNGEST_EVENT_API_BASE_URL=http://events:2", false, "http://events:2/")]
    [InlineData(null, null, null, null, "INNGEST_BASE_URL=https://self-hosted.example/inngest", false, "https://self-hosted.example/inngest/")]
    [InlineData(null, null, null, "http://opt-base:3", "INNGEST_EVENT_API_BASE_URL=http://events:2", false, "http://opt-base:3/")]
    [InlineData(null, null, "http://opt-events:4", "http://opt-base:3", "INNGEST_EVENT_API_BASE_URL=http://events:2", false, "http://opt-events:4/")]
    [InlineData(false, null, null, null, "INNGEST_DEV=1", false, "https://inn.gs/")]
    [InlineData(false, null, null, null, "INNGEST_DEV=http://devhost:9999", false, "https://inn.gs/")]
    [InlineData(true, null, null, null, "INNGEST_DEV=0", true, "http://localhost:8288/")]
    [InlineData(true, null, null, null, "INNGEST_DEV=http://devhost:9999", true, "http://devhost:9999/")]
    [InlineData(null, "http://opt-dev:5", null, null, "INNGEST_DEV=0;INNGEST_BASE_URL=http://base:1", true, "http://opt-dev:5/")]
    [InlineData(false, "http://opt-dev:5", null, null, "", false, "https://inn.gs/")]
    [InlineData(null, "http://opt-dev:5", null, "http://opt-base:3", "", true, "http://opt-base:3/")]
    public void Resolves_mode_and_event_api_origin_with_the_sdk_precedence(
        bool? isDev,
        string? devServerUrl,
        string? eventApiBaseUrl,
        string? baseUrl,
        string environment,
        bool expectedDev,
        string expectedBaseUrl)
    {
        var options = new InngestOptions
        {
            IsDev = isDev,
            DevServerUrl = Url(devServerUrl),
            EventApiBaseUrl = Url(eventApiBaseUrl),
            BaseUrl = Url(baseUrl),
        };

        ResolvedInngestOptions resolved = InngestOptionsResolver.Resolve(options, Env(environment));

        Assert.Equal(expectedDev, resolved.IsDev);
        Assert.Equal(expectedBaseUrl, resolved.EventApiBaseUrl.ToString());
    }

    [Theory]
    [InlineData(null, false, "", null)]
    [InlineData(null, true, "", "NO_EVENT_KEY_SET")]
    [InlineData(null, false, "INNGEST_EVENT_KEY=env-key", "env-key")]
    [InlineData(null, true, "INNGEST_EVENT_KEY=env-key", "env-key")]
    [InlineData("option-key", false, "INNGEST_EVENT_KEY=env-key", "option-key")]
    [InlineData("", false, "INNGEST_EVENT_KEY=env-key", "env-key")]
    public void Resolves_the_event_key_from_the_option_then_INNGEST_EVENT_KEY_then_the_dev_placeholder(
        string? eventKey,
        bool isDev,
        string environment,
        string? expected)
    {
        ResolvedInngestOptions resolved = InngestOptionsResolver.Resolve(new InngestOptions { EventKey = eventKey, IsDev = isDev }, Env(environment));

        Assert.Equal(expected, resolved.EventKey);
    }

    [Theory]
    [InlineData(null, "", null)]
    [InlineData(null, "INNGEST_ENV=branch-env", "branch-env")]
    [InlineData("option-env", "INNGEST_ENV=branch-env", "option-env")]
    public void Resolves_the_branch_environment_from_the_option_then_INNGEST_ENV(string? env, string environment, string? expected)
    {
        ResolvedInngestOptions resolved = InngestOptionsResolver.Resolve(new InngestOptions { Env = env }, Env(environment));

        Assert.Equal(expected, resolved.Env);
    }

    [Fact]
    public void Builds_the_ingest_url_under_the_origin_path_with_an_escaped_key()
    {
        var options = new InngestOptions { BaseUrl = new Uri("https://self-hosted.example/inngest"), EventKey = "key/with space" };

        ResolvedInngestOptions resolved = InngestOptionsResolver.Resolve(options, Env(""));

        Assert.Equal("https://self-hosted.example/inngest/e/key%2Fwith%20space", resolved.EventUrl!.AbsoluteUri);
    }

    [Fact]
    public void Has_no_ingest_url_in_cloud_mode_without_a_key()
    {
        ResolvedInngestOptions resolved = InngestOptionsResolver.Resolve(new InngestOptions(), Env(""));

        Assert.Null(resolved.EventUrl);
        Assert.Contains("neither InngestOptions.IsDev nor INNGEST_DEV", resolved.ModeSource);
    }

    [Fact]
    public void Rejects_an_INNGEST_DEV_that_is_neither_a_boolean_nor_a_url()
    {
        var exception = Assert.Throws<InngestConfigurationException>(() => InngestOptionsResolver.Resolve(new InngestOptions(), Env("INNGEST_DEV=yes")));

        Assert.Contains("INNGEST_DEV", exception.Message);
        Assert.Contains("'yes'", exception.Message);
    }

    [Theory]
    [InlineData("INNGEST_BASE_URL=localhost:8288")]
    [InlineData("INNGEST_EVENT_API_BASE_URL=not a url")]
    [InlineData("INNGEST_EVENT_API_BASE_URL=ftp://files.example")]
    public void Rejects_a_base_url_variable_that_is_not_an_http_url(string environment)
    {
        var exception = Assert.Throws<InngestConfigurationException>(() => InngestOptionsResolver.Resolve(new InngestOptions(), Env(environment)));

        Assert.Contains(environment.Split('=')[0], exception.Message);
    }

    [Fact]
    public void Rejects_a_relative_base_url_option()
    {
        var options = new InngestOptions { EventApiBaseUrl = new Uri("/relative", UriKind.Relative) };

        var exception = Assert.Throws<InngestConfigurationException>(() => InngestOptionsResolver.Resolve(options, Env("")));

        Assert.Contains("InngestOptions.EventApiBaseUrl", exception.Message);
    }

    [Theory]
    [InlineData(0, 1, 1)]
    [InlineData(1, 0, 1)]
    [InlineData(1, 1, 0)]
    [InlineData(1, 1, 5001)]
    public void Rejects_limits_out_of_range(int maxEventSize, int maxBody, int maxEvents)
    {
        var options = new InngestOptions { MaxEventSizeBytes = maxEventSize, MaxRequestBodyBytes = maxBody, MaxEventsPerRequest = maxEvents };

        Assert.Throws<InngestConfigurationException>(() => InngestOptionsResolver.Resolve(options, Env("")));
    }

    [Fact]
    public void Has_the_documented_defaults()
    {
        var options = new InngestOptions();

        Assert.Equal(3 * 1024 * 1024, options.MaxEventSizeBytes);
        Assert.Equal(512 * 1024, options.MaxRequestBodyBytes);
        Assert.Equal(5000, options.MaxEventsPerRequest);
        Assert.Equal(4, options.Retry.MaxRetryAttempts);
        Assert.Equal(TimeSpan.FromMilliseconds(100), options.Retry.BaseDelay);
    }

    private static Uri? Url(string? value) => value is null ? null : new Uri(value);

    private static Func<string, string?> Env(string spec)
    {
        Dictionary<string, string> variables = spec
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1]);
        return TestClient.Environment(variables);
    }
}
