namespace Inngest.Events.Docs.Tests.Infrastructure;

/// <summary>Where the repository's files are, found from the test assembly's folder.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder that holds <c>Generators.sln</c>.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The folder of the compile contexts, relative to <see cref="Root"/>.</summary>
    public const string ContextsFolder = "tests/Inngest.Events.Docs.Tests/Contexts";

    /// <summary>The folder of the lock files a block's <c>lock:</c> marker names, relative to <see cref="Root"/>.</summary>
    public const string LocksFolder = "tests/Inngest.Events.Docs.Tests/Locks";

    /// <summary>README.md and every Markdown file under docs/, relative to <see cref="Root"/> with '/' separators, sorted.</summary>
    public static IReadOnlyList<string> DocumentationFiles()
        => Directory.EnumerateFiles(Path.Combine(Root, "docs"), "*.md", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Root, path).Replace('\\', '/'))
            .Prepend("README.md")
            .Order(StringComparer.Ordinal)
            .ToArray();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Generators.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"Generators.sln was not found above '{AppContext.BaseDirectory}'; the docs tests run from the repository's build output.");
    }
}
