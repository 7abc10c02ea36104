namespace Inngest.Events.Docs.Tests.Infrastructure;

/// <summary>A fenced <c>csharp</c> block of a Markdown file.</summary>
/// <param name="File">The Markdown file, relative to the repository root ('/' separators).</param>
/// <param name="FenceLine">The 1-based line of the opening fence; the code starts on the next line.</param>
/// <param name="Heading">The nearest heading above the block (<c>## Bad</c>), or empty.</param>
/// <param name="Code">The code between the fences.</param>
/// <param name="Marker">The marker on the line above the fence, or null when there is none.</param>
/// <param name="MarkerError">Why the line above the fence looks like a marker but is not a valid one.</param>
internal sealed record MarkdownCodeBlock(string File, int FenceLine, string Heading, string Code, CodeBlockMarker? Marker, string? MarkerError)
{
    /// <summary>The 1-based line of the code's first line.</summary>
    public int FirstCodeLine => FenceLine + 1;

    /// <summary>The block's name in test output and messages: <c>docs/diagnostics/INNG3010.md:24</c>.</summary>
    public string Id => $"{File}:{FenceLine}";

    public override string ToString() => Id;
}
