using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Inngest.Events.Docs.Tests.Infrastructure;

/// <summary>
/// A lock file of <see cref="RepositoryPaths.LocksFolder"/>, handed to the generators and analyzers as the project's
/// <c>inngest-events.lock.json</c> (an additional file, as the package's build props add it), for the blocks whose
/// marker says <c>lock: &lt;name&gt;</c>.
/// </summary>
internal sealed class LockFixture(string path, SourceText text) : AdditionalText
{
    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => text;

    public static LockFixture Load(string name)
    {
        var file = System.IO.Path.Combine(RepositoryPaths.Root, RepositoryPaths.LocksFolder, name + ".lock.json");
        if (!File.Exists(file))
        {
            throw new InvalidOperationException($"The marker names the lock '{name}', but {RepositoryPaths.LocksFolder}/{name}.lock.json does not exist.");
        }

        // The name the analyzers look for, in a folder of its own as beside a project file.
        return new LockFixture(
            System.IO.Path.Combine(RepositoryPaths.Root, RepositoryPaths.LocksFolder, name, "inngest-events.lock.json"),
            SourceText.From(File.ReadAllText(file), Encoding.UTF8));
    }
}
