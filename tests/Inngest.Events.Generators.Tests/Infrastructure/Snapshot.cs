using System.Runtime.CompilerServices;
using System.Text;

namespace Inngest.Events.Generators.Tests.Infrastructure;

/// <summary>
/// Hand-rolled snapshot testing: the expected text lives in Snapshots/{name}.g.cs. A mismatch writes
/// {name}.received.g.cs beside it and fails with a line diff; UPDATE_SNAPSHOTS=1 accepts the received text
/// (never on CI).
/// </summary>
internal static class Snapshot
{
    public static void Match(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var directory = Path.Combine(FindProjectDirectory(callerPath), "Snapshots");
        var expectedPath = Path.Combine(directory, name + ".g.cs");
        var receivedPath = Path.Combine(directory, name + ".received.g.cs");
        actual = actual.Replace("\r\n", "\n");
        var update = Environment.GetEnvironmentVariable("UPDATE_SNAPSHOTS") == "1";
        if (update && Environment.GetEnvironmentVariable("CI") == "true")
        {
            Assert.Fail("UPDATE_SNAPSHOTS=1 is not allowed on CI.");
        }

        if (update)
        {
            Directory.CreateDirectory(directory);
            File.WriteAllText(expectedPath, actual);
            File.Delete(receivedPath);
            return;
        }

        var expected = File.Exists(expectedPath) ? File.ReadAllText(expectedPath).Replace("\r\n", "\n") : null;
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        Directory.CreateDirectory(directory);
        File.WriteAllText(receivedPath, actual);
        Assert.Fail(expected is null
            ? $"No snapshot '{name}' yet; the output was written to {receivedPath}. Run with UPDATE_SNAPSHOTS=1 to accept it."
            : $"Snapshot '{name}' differs (received text in {receivedPath}; UPDATE_SNAPSHOTS=1 accepts it):\n{Diff(expected, actual)}");
    }

    private static string FindProjectDirectory(string callerPath)
    {
        // CI builds are deterministic (ContinuousIntegrationBuild), which maps source paths to "/_/...", so the
        // caller's path may not exist on disk; the test assembly's own folder is under the project folder too.
        foreach (var start in new[] { Path.GetDirectoryName(callerPath), AppContext.BaseDirectory })
        {
            for (var directory = start; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
            {
                if (File.Exists(Path.Combine(directory, "Inngest.Events.Generators.Tests.csproj")))
                {
                    return directory;
                }
            }
        }

        throw new InvalidOperationException($"Test project folder not found from '{callerPath}' or '{AppContext.BaseDirectory}'.");
    }

    /// <summary>A small line diff: the first differing region with a little context.</summary>
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var start = 0;
        while (start < a.Length && start < b.Length && a[start] == b[start])
        {
            start++;
        }

        int endA = a.Length - 1, endB = b.Length - 1;
        while (endA >= start && endB >= start && a[endA] == b[endB])
        {
            endA--;
            endB--;
        }

        var text = new StringBuilder();
        for (var i = Math.Max(0, start - 2); i < start; i++)
        {
            text.Append("  ").Append(i + 1).Append(": ").AppendLine(a[i]);
        }

        for (var i = start; i <= endA; i++)
        {
            text.Append("- ").Append(i + 1).Append(": ").AppendLine(a[i]);
        }

        for (var i = start; i <= endB; i++)
        {
            text.Append("+ ").Append(i + 1).Append(": ").AppendLine(b[i]);
        }

        return text.ToString();
    }
}
