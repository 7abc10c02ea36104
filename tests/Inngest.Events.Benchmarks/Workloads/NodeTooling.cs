using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>
/// Node.js and the npm packages of <c>tests/interop-js</c>, as tests/Inngest.Events.Interop.Tests/Infrastructure/NodeTooling.cs
/// does it: when <c>node_modules</c> is missing or does not hold the pinned <c>inngest</c>, <c>npm ci</c> installs it from the
/// committed lock file (<c>--prefer-offline</c>: the npm cache first, so a machine that installed once needs no network),
/// one install per machine at a time (the same lock file in the temp folder as the interop tests).
/// </summary>
internal static class NodeTooling
{
    public const int MinimumNodeMajor = 20;

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? node;

    /// <summary>Finds Node.js and installs the npm packages if needed; returns the path of <c>node</c>.</summary>
    public static async Task<string> EnsureInstalledAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (node is not null)
            {
                return node;
            }

            string found = FindOnPath("node") ?? throw Missing("Node.js ('node')");
            await CheckNodeVersionAsync(found).ConfigureAwait(false);
            string dir = RepositoryPaths.InteropJs;
            if (!IsInstalled(dir))
            {
                string npm = FindOnPath("npm") ?? throw Missing("npm");
                using var machineLock = await AcquireMachineLockAsync(dir).ConfigureAwait(false);
                if (!IsInstalled(dir))
                {
                    await RunNpmCiAsync(npm, dir).ConfigureAwait(false);
                    if (!IsInstalled(dir))
                    {
                        throw new InvalidOperationException($"'npm ci' in {dir} succeeded but node_modules/inngest still does not match package.json.");
                    }
                }
            }

            node = found;
            return found;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static bool IsInstalled(string dir)
    {
        string installed = Path.Combine(dir, "node_modules", "inngest", "package.json");
        if (!File.Exists(installed) || !File.Exists(Path.Combine(dir, "node_modules", ".package-lock.json")))
        {
            return false;
        }

        using var package = JsonDocument.Parse(File.ReadAllBytes(installed));
        using var pinned = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "package.json")));
        return package.RootElement.TryGetProperty("version", out var version)
            && version.GetString() == pinned.RootElement.GetProperty("dependencies").GetProperty("inngest").GetString();
    }

    private static async Task RunNpmCiAsync(string npm, string dir)
    {
        // --ignore-scripts: nothing here needs an install script, and none should run on a benchmark machine.
        const string arguments = "ci --prefer-offline --no-audit --no-fund --ignore-scripts";
        var start = OperatingSystem.IsWindows()
            ? new ProcessStartInfo("cmd.exe", $"/d /s /c \"\"{npm}\" {arguments}\"")
            : new ProcessStartInfo(npm, arguments);
        start.WorkingDirectory = dir;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{npm}'.");
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => Append(output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(InstallTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"'npm {arguments}' in {dir} did not finish within {InstallTimeout}. Output:\n{Snapshot(output)}");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'npm {arguments}' in {dir} failed with exit code {process.ExitCode}. Table 7 needs the npm registry " +
                $"(or an npm cache holding the packages of package-lock.json). Output:\n{Snapshot(output)}");
        }
    }

    private static async Task CheckNodeVersionAsync(string path)
    {
        var start = new ProcessStartInfo(path, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw Missing("Node.js ('node')");
        string text = (await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false)).Trim();
        await process.WaitForExitAsync().ConfigureAwait(false);
        string major = text.TrimStart('v').Split('.')[0];
        if (!int.TryParse(major, out int value) || value < MinimumNodeMajor)
        {
            throw new InvalidOperationException($"Table 7 needs Node.js {MinimumNodeMajor} or later; '{path} --version' printed '{text}'.");
        }
    }

    private static async Task<FileStream> AcquireMachineLockAsync(string dir)
    {
        string key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dir))))[..16];
        string path = Path.Combine(Path.GetTempPath(), $"inngest-events-interop-npm-{key}.lock");
        var deadline = DateTime.UtcNow + InstallTimeout;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250)).ConfigureAwait(false);
            }
        }
    }

    private static string? FindOnPath(string name)
    {
        string[] extensions = OperatingSystem.IsWindows()
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries)
            : [string.Empty];
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string extension in extensions)
            {
                string candidate = Path.Combine(dir.Trim('"'), name + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static InvalidOperationException Missing(string what) => new(
        $"{what} was not found on PATH. Table 7 (ServeBenchmarks) runs the official Inngest JS SDK beside our endpoint and needs " +
        $"Node.js {MinimumNodeMajor}+ with npm: install them (https://nodejs.org), or leave ServeBenchmarks out with --filter.");

    private static void Append(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Snapshot(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
