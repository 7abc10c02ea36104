using System.Text.RegularExpressions;
using Inngest.Events.Docs.Tests.Infrastructure;

namespace Inngest.Events.Docs.Tests;

/// <summary>
/// Every ```csharp block of README.md and docs/**/*.md compiles, with the package's generators and analyzers, in the
/// context its marker names (the HTML comment on the line above the fence; see <see cref="CodeBlockMarker"/>), and
/// reports exactly the diagnostics the marker expects: none for code that is shown as right, the page's own id for a
/// diagnostic page's "Bad" example.
/// </summary>
public sealed partial class DocumentationCodeBlockTests
{
    /// <summary>How many blocks may be left uncompiled; each says why in its marker.</summary>
    private const int MaxNotCompiled = 2;

    public static TheoryData<string> Blocks()
    {
        var data = new TheoryData<string>();
        foreach (var block in MarkdownCodeBlocks.All)
        {
            data.Add(block.Id);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Blocks))]
    public Task Block_compiles_with_the_diagnostics_its_marker_expects(string id)
        => DocBlockAssert.CompilesAsMarkedAsync(MarkdownCodeBlocks.All.Single(b => b.Id == id));

    [Fact]
    public void The_documentation_has_csharp_blocks_and_the_generators_and_analyzers_are_loaded()
    {
        Assert.Contains(MarkdownCodeBlocks.All, b => b.File == "README.md");
        Assert.True(MarkdownCodeBlocks.All.Count(b => b.File.StartsWith("docs/diagnostics/", StringComparison.Ordinal)) >= 80);
        var (generators, analyzers) = DocBlockCompiler.Tooling;
        Assert.Equal(3, generators);
        Assert.True(analyzers >= 10, $"only {analyzers} analyzers were found");
    }

    [Fact]
    public void Few_blocks_are_left_uncompiled_and_each_says_why()
    {
        var skipped = MarkdownCodeBlocks.All.Where(b => b.Marker?.NotCompiledReason is not null).ToArray();
        Assert.True(
            skipped.Length <= MaxNotCompiled,
            $"{skipped.Length} blocks are marked 'not compiled' (at most {MaxNotCompiled}): {string.Join(", ", skipped.Select(b => b.Id))}. Make them compile in a context instead.");
        Assert.All(skipped, b => Assert.True(
            b.Marker!.NotCompiledReason!.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 4,
            $"{b.Id}: say in a few words why the block cannot compile ('{b.Marker.NotCompiledReason}')."));
    }

    [Fact]
    public void A_diagnostic_page_shows_its_diagnostic_under_Bad_and_not_under_Good()
    {
        var problems = new List<string>();
        foreach (var block in MarkdownCodeBlocks.All.Where(b => b.Marker?.Context is not null))
        {
            if (DiagnosticPage().Match(block.File) is not { Success: true } page)
            {
                continue;
            }

            var id = page.Groups["id"].Value;
            var shows = block.Marker!.Expected.Contains(id);
            if (block.Heading == "## Bad" && !shows)
            {
                problems.Add($"{block.Id}: a 'Bad' example of {id} must expect {id}");
            }
            else if (block.Heading != "## Bad" && shows)
            {
                problems.Add($"{block.Id}: only a 'Bad' example may expect {id} (this one is under '{block.Heading}')");
            }
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Every_context_is_used_by_some_block()
    {
        var used = MarkdownCodeBlocks.All.Select(b => b.Marker?.Context).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var unused = CompileContext.Names().Where(name => !used.Contains(name)).ToArray();
        Assert.True(unused.Length == 0, $"No block uses the contexts {string.Join(", ", unused)}: delete them.");
    }

    [GeneratedRegex(@"^docs/diagnostics/(?<id>INNG[0-9]{4})\.md$")]
    private static partial Regex DiagnosticPage();
}
