using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>
/// <c>node tests/interop-js/bench.mjs</c>: the official JS SDK's <c>inngest/node</c> serve handler on 127.0.0.1 at a free
/// port, which it prints as <c>{"port":N}</c>. Closing its stdin stops it; disposal kills it (and its children) if it does
/// not stop, and a process-exit hook kills it if the benchmark process ends without disposing it.
/// </summary>
internal sealed class JsServeProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder log;
    private readonly EventHandler onExit;

    private JsServeProcess(Process process, StringBuilder log, Uri serveUrl)
    {
        this.process = process;
        this.log = log;
        ServeUrl = serveUrl;
        onExit = (_, _) => Stop(process);
        AppDomain.CurrentDomain.ProcessExit += onExit;
    }

    /// <summary>The serve endpoint, <c>http://127.0.0.1:{port}/api/inngest</c>.</summary>
    public Uri ServeUrl { get; }

    /// <summary>What the process wrote besides its port line.</summary>
    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public static async Task<JsServeProcess> StartAsync()
    {
        string node = await NodeTooling.EnsureInstalledAsync().ConfigureAwait(false);
        var start = new ProcessStartInfo(node, "bench.mjs")
        {
            WorkingDirectory = RepositoryPaths.InteropJs,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };

        // No INNGEST_* variable of the machine may change the JS SDK's mode or URLs.
        foreach (string name in start.Environment.Keys.Where(k => k.StartsWith("INNGEST_", StringComparison.OrdinalIgnoreCase)).ToArray())
        {
            start.Environment.Remove(name);
        }

        start.Environment["NODE_ENV"] = "production";
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
        process.Exited += (_, _) => port.TrySetException(new InvalidOperationException("node bench.mjs exited before it listened."));
        if (!process.Start())
        {
            throw new InvalidOperationException($"Could not start '{node} bench.mjs'.");
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            int listening = await port.Task.WaitAsync(StartTimeout).ConfigureAwait(false);
            return new JsServeProcess(process, log, new Uri($"http://127.0.0.1:{listening}/api/inngest"));
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

            throw new InvalidOperationException($"The JS SDK server (node bench.mjs in {RepositoryPaths.InteropJs}) did not start: {exception.Message}\nIts output:\n{output}", exception);
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= onExit;
        try
        {
            process.StandardInput.Close();
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await process.WaitForExitAsync(wait.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is OperationCanceledException or InvalidOperationException or IOException)
        {
            Stop(process);
        }
        finally
        {
            process.Dispose();
        }
    }

    private static int? TryReadPort(string line)
    {
        try
        {
            using var document = JsonDocument.Parse(line);
            return document.RootElement.TryGetProperty("port", out var p) && p.TryGetInt32(out int port) ? port : null;
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
            // It exited meanwhile, or was disposed.
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
