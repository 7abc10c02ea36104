using Inngest.Events.DevServer.Tool;

namespace Inngest.Events.DevServer.Tests;

/// <summary>The <c>inngest-dotnet</c> tool's command line (the packed tool itself is driven end to end by .ci/run).</summary>
public sealed class ToolTests
{
    [Fact]
    public void Dev_takes_the_Inngest_dev_servers_options()
    {
        var arguments = ToolArguments.Parse(
            ["-u", "http://localhost:5000/api/inngest", "--sdk-url", "https://app.test/x/inngest", "-p", "9000", "--host", "0.0.0.0", "--poll-interval", "10", "--retry-interval", "2"],
            portVariable: null);

        Assert.Equal([new Uri("http://localhost:5000/api/inngest"), new Uri("https://app.test/x/inngest")], arguments.AppUrls);
        Assert.Equal((9000, "0.0.0.0", TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2)), (arguments.Port, arguments.Host, arguments.PollInterval, arguments.RetryInterval));
    }

    [Fact]
    public void Defaults_are_port_8288_or_PORT_localhost_and_a_5_second_poll()
    {
        var defaults = ToolArguments.Parse([], portVariable: null);
        var fromEnvironment = ToolArguments.Parse(["--no-poll"], portVariable: "7000");

        Assert.Equal((8288, "localhost", TimeSpan.FromSeconds(5), (TimeSpan?)null), (defaults.Port, defaults.Host, defaults.PollInterval, defaults.RetryInterval));
        Assert.Equal("inngest.db", defaults.Database);
        Assert.Equal("state/dev.db", ToolArguments.Parse(["--db", "state/dev.db"], null).Database);
        Assert.Null(ToolArguments.Parse(["--in-memory"], null).Database);
        Assert.Empty(defaults.AppUrls);
        Assert.Equal((7000, (TimeSpan?)null), (fromEnvironment.Port, fromEnvironment.PollInterval));
        Assert.Null(ToolArguments.Parse(["--poll-interval", "0"], null).PollInterval);
    }

    [Theory]
    [InlineData("-u", "localhost:5000", "-u 'localhost:5000' is not the http(s) URL of an app's serve endpoint")]
    [InlineData("-u", "ftp://x/api", "is not the http(s) URL")]
    [InlineData("-p", "http", "-p 'http' is not a port number (1-65535).")]
    [InlineData("--port", "70000", "is not a port number")]
    [InlineData("--poll-interval", "-1", "--poll-interval needs a value.")]
    [InlineData("--retry-interval", "soon", "--retry-interval 'soon' is not a number of seconds")]
    [InlineData("--verbose", null, "Unknown option '--verbose'")]
    [InlineData("-u", null, "-u needs a value.")]
    [InlineData("--db", null, "--db needs a value.")]
    public void A_bad_option_says_which_and_why(string option, string? value, string message)
    {
        string[] args = value is null ? [option] : [option, value];

        var error = Assert.Throws<ArgumentException>(() => ToolArguments.Parse(args, portVariable: null));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task Help_version_and_unknown_commands_answer_with_their_exit_codes()
    {
        async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            var code = await DevServerTool.RunAsync(args, output, error, CancellationToken.None);
            return (code, output.ToString(), error.ToString());
        }

        var help = await RunAsync("--help");
        Assert.Equal(0, help.Code);
        Assert.Contains("Usage: inngest-dotnet dev [options]", help.Output);
        Assert.Equal(0, (await RunAsync("dev", "--help")).Code);
        Assert.Equal(2, (await RunAsync()).Code);
        var version = await RunAsync("--version");
        Assert.Matches(@"^inngest-dotnet \d+\.\d+\.\d+", version.Output);
        var unknown = await RunAsync("serve");
        Assert.Equal((2, "inngest-dotnet: unknown command 'serve'. Run 'inngest-dotnet --help'."), (unknown.Code, unknown.Error.Trim()));
        var bad = await RunAsync("dev", "-p", "x");
        Assert.Equal(2, bad.Code);
        Assert.StartsWith("inngest-dotnet dev: -p 'x' is not a port number", bad.Error);
    }
}
