using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using Inngest.Events.Interop.Tests.Infrastructure;

namespace Inngest.Events.Durability.Tests.Infrastructure;

/// <summary>
/// The dev server tool as a real process (<c>dotnet inngest-dotnet.dll dev</c>, the build output of this configuration of
/// <c>src/Inngest.Events.DevServer.Tool</c>) on 127.0.0.1 at a given port, with the arguments the test gives (e.g. <c>--db file</c>); its output goes to a log file.
/// <see cref="KillAsync"/> kills it with SIGKILL, as a crash would.
/// </summary>
internal sealed class DevServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(90);

    private readonly Process _process;
    private readonly StreamWriter _log;

    private DevServerProcess(Process process, StreamWriter log, Uri baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:8289/</c>.</summary>
    public Uri BaseUrl { get; }

    public int Id => _process.Id;

    /// <summary>The dev server's build output next to this test's (same configuration).</summary>
    public static string DllPath
    {
        get
        {
            var configuration = typeof(DevServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Release";
            return Path.Combine(RepositoryPaths.Root, "src", "Inngest.Events.DevServer.Tool", "bin", configuration, "net8.0", "inngest-dotnet.dll");
        }
    }

    /// <summary>Starts the dev server in <paramref name="workingDirectory"/> and waits until it answers (and, if given, lists <paramref name="appId"/>).</summary>
    public static async Task<DevServerProcess> StartAsync(int port, string workingDirectory, string logFile, IEnumerable<string> arguments, HttpClient http, string? appId = null)
    {
        if (!File.Exists(DllPath))
        {
            throw new InvalidOperationException($"The dev server is not built at '{DllPath}'; build the solution (this test project references src/Inngest.Events.DevServer.Tool).");
        }

        var start = new ProcessStartInfo(DotnetHost(), [DllPath, "dev", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), .. arguments])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Only what the test sets: no INNGEST_* variable of the machine may give the dev server keys or another mode.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("INNGEST_", StringComparison.OrdinalIgnoreCase) || k == "PORT").ToArray())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var log = new StreamWriter(logFile, append: true) { AutoFlush = true };
        var process = new Process { StartInfo = start };
        void Write(string? line)
        {
            if (line is not null)
            {
                lock (log)
                {
                    log.WriteLine(line);
                }
            }
        }

        process.OutputDataReceived += (_, e) => Write(e.Data);
        process.ErrorDataReceived += (_, e) => Write(e.Data);
        Write($"---- started at {DateTimeOffset.UtcNow:O}: {start.FileName} {string.Join(' ', start.ArgumentList)}");
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new DevServerProcess(process, log, new Uri($"http://127.0.0.1:{port}/"));
        try
        {
            await server.WaitReadyAsync(http, appId);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        return server;
    }

    /// <summary>GET /dev: the synced apps and the runs by status.</summary>
    public async Task<JsonObject?> InfoAsync(HttpClient http, CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await http.GetAsync(new Uri(BaseUrl, "dev"), cancellationToken);
            return response.IsSuccessStatusCode ? JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken)) as JsonObject : null;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>Kills the process with SIGKILL (no shutdown of any kind) and waits until it is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
        lock (_log)
        {
            _log.WriteLine($"---- killed (SIGKILL) at {DateTimeOffset.UtcNow:O}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
        lock (_log)
        {
            _log.Dispose();
        }
    }

    private async Task WaitReadyAsync(HttpClient http, string? appId)
    {
        using var timeout = new CancellationTokenSource(ReadyTimeout);
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The dev server exited with code {_process.ExitCode} while starting; see its log.");
            }

            var info = await InfoAsync(http, timeout.Token);
            if (info is not null && (appId is null || info["apps"]!.AsArray().Any(a => (string?)a!["id"] == appId)))
            {
                return;
            }

            // Waiting for another process to come up: nothing to signal on but its answers.
            await Task.Delay(TimeSpan.FromMilliseconds(50), timeout.Token);
        }
    }

    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host))
        {
            return host;
        }

        var current = Environment.ProcessPath;
        return current is not null && Path.GetFileNameWithoutExtension(current) == "dotnet" ? current : "dotnet";
    }
}
