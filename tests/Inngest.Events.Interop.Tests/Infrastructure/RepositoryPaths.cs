namespace Inngest.Events.Interop.Tests.Infrastructure;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds <c>Generators.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The Node project that serves the JS SDK's functions.</summary>
    public static string InteropJs => Path.Combine(Root, "tests", "interop-js");

    /// <summary>The interop notes the known differences must be written down in.</summary>
    public static string InteropDoc => Path.Combine(Root, "docs", "interop.md");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generators.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Generators.sln was not found above '{AppContext.BaseDirectory}'; the interop tests run from the repository's build output.");
    }
}
