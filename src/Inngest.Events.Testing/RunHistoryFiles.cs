namespace Inngest.Events.Testing;

/// <summary>
/// Finds recorded run histories (<c>*.run.json</c>) to replay as test cases, one case per file, with any test framework:
/// xUnit's <c>[MemberData]</c>, NUnit's <c>[TestCaseSource]</c> or MSTest's <c>[DynamicData]</c> take
/// <see cref="Cases(string)"/> as it is.
/// </summary>
public static class RunHistoryFiles
{
    /// <summary>The file pattern of run histories.</summary>
    public const string Pattern = "*.run.json";

    /// <summary>
    /// The run histories under <paramref name="folder"/> (and its subfolders), as paths relative to it, sorted. A relative
    /// <paramref name="folder"/> is relative to the test's output folder (copy the histories there with
    /// <c>&lt;None Include="histories/**" CopyToOutputDirectory="PreserveNewest" /&gt;</c>).
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    public static IReadOnlyList<string> Find(string folder)
    {
        var root = Resolve(folder);
        return Directory.EnumerateFiles(root, Pattern, SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(root, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>
    /// The run histories under <paramref name="folder"/> as test cases of one argument, the path of a history (relative to
    /// the output folder, so test names read well): pass it to <see cref="InngestTestHost.ReplayFileAsync"/>.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException">The folder does not exist.</exception>
    /// <exception cref="InvalidOperationException">The folder holds no run history (a test over it would prove nothing).</exception>
    public static IEnumerable<object[]> Cases(string folder)
    {
        var files = Find(folder);
        if (files.Count == 0)
        {
            throw new InvalidOperationException($"The folder '{Resolve(folder)}' holds no run histories ({Pattern}).");
        }

        return files.Select(file => new object[] { Path.Combine(folder, file).Replace('\\', '/') }).ToArray();
    }

    private static string Resolve(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        var root = Path.IsPathRooted(folder) ? folder : Path.Combine(AppContext.BaseDirectory, folder);
        return Directory.Exists(root)
            ? root
            : throw new DirectoryNotFoundException($"The folder of run histories '{root}' does not exist; copy the histories to the test's output folder, or give an absolute path.");
    }
}
