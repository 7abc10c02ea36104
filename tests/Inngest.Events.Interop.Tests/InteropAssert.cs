using System.Text;
using Inngest.Events.Interop.Tests.Executor;
using Inngest.Events.Interop.Tests.Infrastructure;
using Xunit.Sdk;

namespace Inngest.Events.Interop.Tests;

internal static class InteropAssert
{
    /// <summary>Both transcripts line by line; on a difference, both in full with the first differing line marked.</summary>
    public static void SameTranscript(Transcript js, Transcript dotnet, string jsLog, string dotnetName = "dotnet")
        => SameLines("the JS SDK", js.Lines, js.Applied, dotnetName, dotnet.Lines, dotnet.Applied, jsLog);

    /// <summary>Two transcripts line by line; on a difference, both in full with the first differing line marked.</summary>
    public static void SameLines(
        string leftName,
        IReadOnlyList<string> left,
        IReadOnlyDictionary<string, string> leftApplied,
        string rightName,
        IReadOnlyList<string> right,
        IReadOnlyDictionary<string, string> rightApplied,
        string jsLog)
    {
        var count = Math.Max(left.Count, right.Count);
        for (var i = 0; i < count; i++)
        {
            var l = i < left.Count ? left[i] : "(nothing)";
            var r = i < right.Count ? right[i] : "(nothing)";
            if (l != r)
            {
                var message = new StringBuilder()
                    .AppendLine($"{leftName} and {rightName} differ at line {i + 1}:")
                    .AppendLine($"  {leftName}: {l}")
                    .AppendLine($"  {rightName}: {r}")
                    .AppendLine()
                    .AppendLine($"--- {leftName} ---").AppendLine(string.Join('\n', left))
                    .AppendLine($"--- {rightName} ---").AppendLine(string.Join('\n', right))
                    .AppendLine($"--- {leftName} normalizations ---").AppendLine(string.Join('\n', leftApplied.Select(a => $"{a.Key}: {a.Value}")))
                    .AppendLine($"--- {rightName} normalizations ---").AppendLine(string.Join('\n', rightApplied.Select(a => $"{a.Key}: {a.Value}")))
                    .AppendLine("--- JS SDK server log ---").AppendLine(jsLog);
                throw new XunitException(message.ToString());
            }
        }
    }

    /// <summary>
    /// Every answer of a served SDK carries <c>X-Inngest-SDK</c> (<c>{sdk}:v{semver}</c>; without it the server treats a 2xx
    /// as "not from an SDK") and <c>X-Inngest-Req-Version: 2</c> (protocol §3.1, §8), and its body is JSON.
    /// </summary>
    public static void ServeHeaders(RunRecord run, string expectedSdk)
    {
        foreach (var exchange in run.Exchanges)
        {
            var where = $"{run.FunctionId} stepId={exchange.StepId} attempt={exchange.Attempt} -> {exchange.Response.Status}";
            Assert.True(expectedSdk == exchange.Response.Header("x-inngest-sdk"), $"{where}: X-Inngest-SDK is '{exchange.Response.Header("x-inngest-sdk")}', not '{expectedSdk}'");
            Assert.True(exchange.Response.Header("x-inngest-req-version") == "2", $"{where}: X-Inngest-Req-Version is '{exchange.Response.Header("x-inngest-req-version")}', not 2");
            Assert.True(
                exchange.Response.Header("content-type")?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) == true,
                $"{where}: Content-Type is '{exchange.Response.Header("content-type")}', not application/json");
        }

        foreach (var child in run.Children)
        {
            ServeHeaders(child, expectedSdk);
        }
    }

    /// <summary>Every normalization or known difference the comparison relied on is explained in docs/interop.md.</summary>
    public static void Documented(IEnumerable<string> ids)
    {
        var doc = File.ReadAllText(RepositoryPaths.InteropDoc);
        var missing = ids.Distinct().Where(id => !doc.Contains($"`{id}`", StringComparison.Ordinal)).OrderBy(id => id, StringComparer.Ordinal).ToArray();
        Assert.True(missing.Length == 0, $"docs/interop.md does not explain: {string.Join(", ", missing)}");
    }
}
