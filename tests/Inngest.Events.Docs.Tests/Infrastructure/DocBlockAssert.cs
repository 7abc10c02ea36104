namespace Inngest.Events.Docs.Tests.Infrastructure;

/// <summary>The check every documentation block passes: it compiles in its context with exactly the expected diagnostics.</summary>
internal static class DocBlockAssert
{
    public static async Task CompilesAsMarkedAsync(MarkdownCodeBlock block)
    {
        Assert.True(block.MarkerError is null, $"{block.Id}: {block.MarkerError}");
        Assert.True(
            block.Marker is not null,
            $"{block.Id}: the line above the ```csharp fence must say how the block compiles, e.g. <!-- compile: functions -->, "
            + "<!-- compile: function-body; expect: INNG3013 --> or <!-- not compiled: why -->. "
            + $"The contexts are the files of {RepositoryPaths.ContextsFolder}: {string.Join(", ", CompileContext.Names())}.");
        if (block.Marker.NotCompiledReason is not null)
        {
            return;
        }

        var result = await DocBlockCompiler.CompileAsync(block);
        var expected = block.Marker.Expected;
        Assert.True(
            result.Ids.SequenceEqual(expected),
            $"{block.Id} (context '{block.Marker.Context}') should report "
            + (expected.Count == 0 ? "no diagnostic" : string.Join(" ", expected))
            + $" but reported:\n{result.Describe()}\n"
            + "Fix the block (or the API it shows), or, if these diagnostics are what the block is about, list them in its marker's 'expect:'.");
    }
}
