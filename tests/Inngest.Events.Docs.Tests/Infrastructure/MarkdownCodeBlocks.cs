namespace Inngest.Events.Docs.Tests.Infrastructure;

/// <summary>Finds the fenced C# blocks of the documentation.</summary>
internal static class MarkdownCodeBlocks
{
    private static readonly Lazy<IReadOnlyList<MarkdownCodeBlock>> LazyAll = new(
        () => RepositoryPaths.DocumentationFiles()
            .SelectMany(file => Read(file, File.ReadAllText(Path.Combine(RepositoryPaths.Root, file))))
            .ToArray());

    /// <summary>Every C# block of README.md and docs/**/*.md.</summary>
    public static IReadOnlyList<MarkdownCodeBlock> All => LazyAll.Value;

    /// <summary>The C# blocks of one Markdown text (<c>csharp</c>, <c>cs</c> or <c>c#</c> fences).</summary>
    public static IEnumerable<MarkdownCodeBlock> Read(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var heading = string.Empty;
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.StartsWith('#'))
            {
                heading = line.Trim();
                continue;
            }

            var fence = line.TrimStart();
            if (!fence.StartsWith("```", StringComparison.Ordinal))
            {
                continue;
            }

            var indent = line.Length - fence.Length;
            var language = fence[3..].Trim().ToLowerInvariant();
            var end = i + 1;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            if (language is "csharp" or "cs" or "c#")
            {
                CodeBlockMarker? marker = null;
                string? error = null;
                if (i > 0)
                {
                    try
                    {
                        marker = CodeBlockMarker.Parse(lines[i - 1]);
                    }
                    catch (FormatException exception)
                    {
                        error = exception.Message;
                    }
                }

                var code = string.Join("\n", lines[(i + 1)..Math.Min(end, lines.Length)].Select(l => l.Length >= indent ? l[indent..] : l.TrimStart()));
                yield return new MarkdownCodeBlock(file, i + 1, heading, code, marker, error);
            }

            i = end;
        }
    }
}
