using System.Text.RegularExpressions;

namespace Inngest.Events.Docs.Tests.Infrastructure;

/// <summary>
/// The HTML comment on the line right above a <c>```csharp</c> fence, which says how the block is compiled:
/// <list type="bullet">
/// <item><c>&lt;!-- compile: functions --&gt;</c>: in the context <c>Contexts/functions.cs</c>, with no diagnostic at all;</item>
/// <item><c>&lt;!-- compile: functions; expect: INNG3010 CS4014 --&gt;</c>: and exactly these diagnostics (each occurrence);</item>
/// <item><c>&lt;!-- compile: events; lock: shop-order-v1; expect: INNG1020 --&gt;</c>: with <c>Locks/shop-order-v1.lock.json</c> as the
/// project's <c>inngest-events.lock.json</c> (the schema lock's pages show a change against a lock);</item>
/// <item><c>&lt;!-- not compiled: why --&gt;</c>: not compiled, for the reason given (kept to a short list).</item>
/// </list>
/// </summary>
internal sealed partial record CodeBlockMarker(string? Context, IReadOnlyList<string> Expected, string? NotCompiledReason, string? Lock = null)
{
    /// <summary>Reads <paramref name="line"/>; null when it is no marker at all, an exception when it looks like one but is malformed.</summary>
    public static CodeBlockMarker? Parse(string line)
    {
        var text = line.Trim();
        if (!text.StartsWith("<!--", StringComparison.Ordinal) || !text.Contains("compile", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        if (CompileMarker().Match(text) is { Success: true } compile)
        {
            var expected = compile.Groups["expect"].Success
                ? compile.Groups["expect"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : [];
            if (compile.Groups["expect"].Success && expected.Length == 0)
            {
                throw new FormatException($"'{text}': 'expect:' lists no diagnostic id; drop it to expect none.");
            }

            var lockName = compile.Groups["lock"].Success ? compile.Groups["lock"].Value : null;
            return new CodeBlockMarker(compile.Groups["context"].Value, expected.Order(StringComparer.Ordinal).ToArray(), null, lockName);
        }

        if (NotCompiledMarker().Match(text) is { Success: true } skip)
        {
            return new CodeBlockMarker(null, [], skip.Groups["reason"].Value.Trim());
        }

        throw new FormatException(
            $"'{text}' is not a marker this test understands: write <!-- compile: <context> -->, "
            + "<!-- compile: <context>; expect: <ID> <ID> -->, <!-- compile: <context>; lock: <name>; expect: <ID> --> "
            + "or <!-- not compiled: <reason> -->.");
    }

    [GeneratedRegex(@"^<!--\s*compile:\s*(?<context>[a-z0-9-]+)\s*(;\s*lock:\s*(?<lock>[a-z0-9-]+)\s*)?(;\s*expect:(?<expect>(\s+[A-Z]+[0-9]{4})*)\s*)?-->$")]
    private static partial Regex CompileMarker();

    [GeneratedRegex(@"^<!--\s*not compiled:\s*(?<reason>\S.*?)\s*-->$")]
    private static partial Regex NotCompiledMarker();
}
