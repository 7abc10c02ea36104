namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>Where the repository's files are, found from the benchmark assembly's folder (in-process or not, it is under the checkout).</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds <c>Generators.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The Node project with the official JS SDK (shared with the interop tests).</summary>
    public static string InteropJs => Path.Combine(Root, "tests", "interop-js");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generators.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Generators.sln was not found above '{AppContext.BaseDirectory}'; run the benchmarks from the repository's build output.");
    }
}
