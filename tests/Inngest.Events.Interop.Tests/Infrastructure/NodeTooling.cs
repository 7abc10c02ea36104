using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Inngest.Events.Interop.Tests.Infrastructure;

/// <summary>
/// Node.js and the npm packages of <c>tests/interop-js</c>, for the interop tests and the benchmarks' table 7 (which
/// link this file). The first user installs them with <c>npm ci</c> from the committed lock file (the npm cache first,
/// so a machine that installed once needs no network) when <c>node_modules</c> is missing or stale; one install per machine at a
/// time (an in-process gate plus a lock file in the temp folder, so parallel test processes do not race).
/// Missing Node.js or npm fails the tests with a message that says what to install: the suite is never skipped.
/// </summary>
internal static class NodeTooling
{
    public const int MinimumNodeMajor = 20;

    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(10);
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? _node;

    /// <summary>Finds Node.js and installs the npm packages if needed; returns the path of <c>node</c>.</summary>
    public static async Task<string> EnsureInstalledAsync()
    {
        await Gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_node is not null)
            {
                return _node;
            }

            var node = FindOnPath("node") ?? throw Missing("Node.js ('node')");
            await CheckNodeVersionAsync(node).ConfigureAwait(false);
            var dir = RepositoryPaths.InteropJs;
            if (!IsInstalled(dir))
            {
                var npm = FindOnPath("npm") ?? throw Missing("npm");
                using var machineLock = await AcquireMachineLockAsync(dir).ConfigureAwait(false);
                if (!IsInstalled(dir))
                {
                    await RunNpmCiAsync(npm, dir).ConfigureAwait(false);
                    if (!IsInstalled(dir))
                    {
                        throw new InvalidOperationException($"'npm ci' in {dir} succeeded but node_modules still does not match package.json.");
                    }
                }
            }

            _node = node;
            return node;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>The <c>inngest</c> version package.json pins.</summary>
    public static string PinnedInngestVersion()
    {
        using var package = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(RepositoryPaths.InteropJs, "package.json")));
        return package.RootElement.GetProperty("dependencies").GetProperty("inngest").GetString()!;
    }

    /// <summary>True when node_modules holds every dependency of package.json at its pinned version, and npm's record of the install.</summary>
    private static bool IsInstalled(string dir)
    {
        if (!File.Exists(Path.Combine(dir, "node_modules", ".package-lock.json")))
        {
            return false;
        }

        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(dir, "package.json")));
        foreach (var dependency in manifest.RootElement.GetProperty("dependencies").EnumerateObject())
        {
            var installed = Path.Combine(dir, "node_modules", dependency.Name, "package.json");
            if (!File.Exists(installed))
            {
                return false;
            }

            using var package = JsonDocument.Parse(File.ReadAllBytes(installed));
            if (!package.RootElement.TryGetProperty("version", out var version) || version.GetString() != dependency.Value.GetString())
            {
                return false;
            }
        }

        return true;
    }

    private static async Task RunNpmCiAsync(string npm, string dir)
    {
        // --ignore-scripts: nothing the suite uses needs an install script, and none should run on a test machine.
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
                $"'npm {arguments}' in {dir} failed with exit code {process.ExitCode}. The interop tests and table 7 of the benchmarks need the npm registry " +
                $"(or a cache holding the packages of package-lock.json). Output:\n{Snapshot(output)}");
        }
    }

    private static async Task CheckNodeVersionAsync(string node)
    {
        var start = new ProcessStartInfo(node, "--version") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw Missing("Node.js ('node')");
        var text = (await process.StandardOutput.ReadToEndAsync().ConfigureAwait(false)).Trim();
        await process.WaitForExitAsync().ConfigureAwait(false);
        var major = text.TrimStart('v').Split('.')[0];
        if (!int.TryParse(major, out var value) || value < MinimumNodeMajor)
        {
            throw new InvalidOperationException(
                $"The interop tests need Node.js {MinimumNodeMajor} or later; '{node} --version' printed '{text}'. Install a newer Node.js (https://nodejs.org).");
        }
    }

    /// <summary>An exclusive lock shared by every process on the machine for this checkout's interop-js folder.</summary>
    private static async Task<FileStream> AcquireMachineLockAsync(string dir)
    {
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(dir)))).Substring(0, 16);
        var path = Path.Combine(Path.GetTempPath(), $"inngest-events-interop-npm-{key}.lock");
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

    /// <summary>The full path of an executable found on PATH (with PATHEXT on Windows), or null.</summary>
    public static string? FindOnPath(string name)
    {
        var extensions = OperatingSystem.IsWindows()
            ? (Environment.GetEnvironmentVariable("PATHEXT") ?? ".EXE;.CMD;.BAT").Split(';', StringSplitOptions.RemoveEmptyEntries)
            : [string.Empty];
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (var extension in extensions)
            {
                var candidate = Path.Combine(dir.Trim('"'), name + extension);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }

    private static InvalidOperationException Missing(string what) => new(
        $"{what} was not found on PATH. The interop tests (tests/Inngest.Events.Interop.Tests) run the official Inngest JS SDK " +
        $"beside our runner and need Node.js {MinimumNodeMajor}+ with npm: install them (https://nodejs.org) and run the tests again. " +
        "They are not skipped when Node.js is missing, so a machine without it cannot pass as green.");

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
