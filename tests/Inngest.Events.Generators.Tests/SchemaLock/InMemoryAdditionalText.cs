using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Inngest.Events.Generators.Tests.SchemaLock;

/// <summary>An additional file held in memory (the lock, for the analyzer and the generator).</summary>
internal sealed class InMemoryAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}
