using System.Diagnostics;
using System.Text;
using Xunit.Abstractions;

namespace Inngest.Events.Generators.Tests.Infrastructure;

/// <summary>Runs the real <c>dotnet</c> CLI for tests that do what a user does (restore, build, format, pack).</summary>
internal sealed class DotnetCli(ITestOutputHelper output, TimeSpan stepTimeout)
{
    /// <summary>The folder holding Generators.sln.</summary>
    public static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "Generators.sln")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("Repository root not found.");
        }

        return directory;
    }

    /// <summary>Runs <c>dotnet</c> with <paramref name="arguments"/> in <paramref name="directory"/>; fails the test unless it exits with 0.</summary>
    public async Task<string> RunAsync(string directory, params string[] arguments)
    {
        var (exitCode, text) = await TryRunAsync(directory, arguments);
        Assert.True(exitCode == 0, $"dotnet {string.Join(' ', arguments)} failed with {exitCode}:\n{text}");
        return text;
    }

    /// <summary>Runs <c>dotnet</c> and gives its exit code and output, whatever the exit code.</summary>
    public async Task<(int ExitCode, string Output)> TryRunAsync(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The test host's MSBuild settings belong to this test project's build, not to the one the test starts.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(stepTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took longer than {stepTimeout}.");
        }

        var text = new StringBuilder().Append(await stdout).Append(await stderr).ToString();
        output.WriteLine($"> dotnet {string.Join(' ', arguments)} (exit {process.ExitCode})");
        return (process.ExitCode, text);
    }
}
