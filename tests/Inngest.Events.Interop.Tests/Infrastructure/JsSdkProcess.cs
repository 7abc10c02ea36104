using System.Collections;
using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Inngest.Events.Interop.Tests.Infrastructure;

/// <summary>
/// <c>node tests/interop-js/serve.mjs</c> (or another script of that folder, e.g. the benchmarks' <c>bench.mjs</c>): the
/// official JS SDK serving functions with <c>inngest/node</c> on 127.0.0.1 at a free port, which it prints as
/// <c>{"port":N}</c>. Its other output is kept for failure messages.
/// Closing its stdin stops it; disposal kills it if it does not stop.
/// </summary>
internal sealed class JsSdkProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _log;

    private JsSdkProcess(Process process, StringBuilder log, Uri baseUrl)
    {
        _process = process;
        _log = log;
        BaseUrl = baseUrl;
    }

    /// <summary>The server's origin, e.g. <c>http://127.0.0.1:41234/</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The serve endpoint, <c>{BaseUrl}api/inngest</c>.</summary>
    public Uri ServeUrl => new(BaseUrl, "api/inngest");

    /// <summary>What the process wrote to stderr (and stdout after its first line) so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    public static async Task<JsSdkProcess> StartAsync(string node, IReadOnlyDictionary<string, string> environment, string script = "serve.mjs")
    {
        var start = new ProcessStartInfo(node, script)
        {
            WorkingDirectory = RepositoryPaths.InteropJs,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // Only what the test sets: no INNGEST_* variable of the machine may change the JS SDK's mode or URLs.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("INNGEST_", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NODE_ENV"] = "test";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var log = new StringBuilder();
        var port = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }

            if (!port.Task.IsCompleted && TryReadPort(e.Data) is { } p)
            {
                port.TrySetResult(p);
                return;
            }

            Append(log, e.Data);
        };
        process.ErrorDataReceived += (_, e) => Append(log, e.Data);
        process.Exited += (_, _) => port.TrySetException(new InvalidOperationException($"node {script} exited before it listened."));
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start '{node} {script}'.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var listening = await port.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
            return new JsSdkProcess(process, log, new Uri($"http://127.0.0.1:{listening}/"));
        }
        catch (Exception exception)
        {
            Stop(process);
            process.Dispose();
            string output;
            lock (log)
            {
                output = log.ToString();
            }

            throw new InvalidOperationException($"The JS SDK server (node {script} in {RepositoryPaths.InteropJs}) did not start: {exception.Message}\nIts output:\n{output}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            _process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await _process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or IOException)
        {
            Stop(_process);
        }
        finally
        {
            _process.Dispose();
        }
    }

    private static int? TryReadPort(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("port", out var p) && p.TryGetInt32(out var port) ? port : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static void Stop(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // It exited meanwhile.
        }
    }

    private static void Append(StringBuilder log, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }
}
