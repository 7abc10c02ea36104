namespace Inngest.Events.Docs.Tests.Infrastructure;

/// <summary>
/// A context from <c>Contexts/{name}.cs</c>: the declarations a block may use (global usings, types, fields), and where
/// the parts of a block that cannot stand at the top of a file go. A block is read as a C# file: its usings, types and
/// namespaces stay in a file of their own; its statements replace the line <c>// &lt;statements&gt;</c> and its other
/// members (methods, fields, bare attribute lists) the line <c>// &lt;members&gt;</c>. A block with statements or
/// members in a context without the matching line is an error.
/// </summary>
internal sealed record CompileContext(string Name, string Path, string Text)
{
    public const string StatementsSlot = "// <statements>";

    public const string MembersSlot = "// <members>";

    /// <summary>The line that lets a context's blocks use the test framework (xUnit), as a test project's code does.</summary>
    public const string TestFrameworkLine = "// <test-framework>";

    /// <summary>Loads <c>Contexts/{name}.cs</c>.</summary>
    public static CompileContext Load(string name)
    {
        var path = $"{RepositoryPaths.ContextsFolder}/{name}.cs";
        var full = System.IO.Path.Combine(RepositoryPaths.Root, path);
        if (!File.Exists(full))
        {
            var known = string.Join(", ", Names());
            throw new InvalidOperationException($"There is no compile context '{name}' ({path}); the contexts are: {known}.");
        }

        return new CompileContext(name, path, File.ReadAllText(full));
    }

    /// <summary>The names of every context file.</summary>
    public static IReadOnlyList<string> Names()
        => Directory.EnumerateFiles(System.IO.Path.Combine(RepositoryPaths.Root, RepositoryPaths.ContextsFolder), "*.cs")
            .Select(System.IO.Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Order(StringComparer.Ordinal)
            .ToArray();

    public bool Has(string slot) => Text.ReplaceLineEndings("\n").Split('\n').Any(line => line.Trim() == slot);

    /// <summary>Whether the context is test code (it has <see cref="TestFrameworkLine"/>): its blocks compile against xUnit too.</summary>
    public bool IsTestCode => Has(TestFrameworkLine);
}
