using System.Text;
using Inngest.Events.Interop.Tests.Executor;
using Inngest.Events.Interop.Tests.Infrastructure;
using Xunit.Sdk;

namespace Inngest.Events.Interop.Tests;

internal static class InteropAssert
{
    /// <summary>Both transcripts line by line; on a difference, both in full with the first differing line marked.</summary>
    public static void SameTranscript(Transcript js, Transcript dotnet, string jsLog)
    {
        var count = Math.Max(js.Lines.Count, dotnet.Lines.Count);
        for (var i = 0; i < count; i++)
        {
            var left = i < js.Lines.Count ? js.Lines[i] : "(nothing)";
            var right = i < dotnet.Lines.Count ? dotnet.Lines[i] : "(nothing)";
            if (left != right)
            {
                var message = new StringBuilder()
                    .AppendLine($"The JS SDK and our runner differ at line {i + 1}:")
                    .AppendLine($"  js:     {left}")
                    .AppendLine($"  dotnet: {right}")
                    .AppendLine()
                    .AppendLine("--- js ---").AppendLine(js.ToString())
                    .AppendLine("--- dotnet ---").AppendLine(dotnet.ToString())
                    .AppendLine("--- js normalizations ---").AppendLine(string.Join('\n', js.Applied.Select(a => $"{a.Key}: {a.Value}")))
                    .AppendLine("--- dotnet normalizations ---").AppendLine(string.Join('\n', dotnet.Applied.Select(a => $"{a.Key}: {a.Value}")))
                    .AppendLine("--- JS SDK server log ---").AppendLine(jsLog);
                throw new XunitException(message.ToString());
            }
        }
    }

    /// <summary>
    /// Every answer of a served SDK carries <c>X-Inngest-SDK</c> (<c>{sdk}:v{semver}</c>; without it the server treats a 2xx
    /// as "not from an SDK") and <c>X-Inngest-Req-Version: 2</c> (protocol §3.1, §8).
    /// </summary>
    public static void ServeHeaders(RunRecord run, string expectedSdk)
    {
        foreach (var exchange in run.Exchanges)
        {
            Assert.Equal(expectedSdk, exchange.Response.Header("x-inngest-sdk"));
            Assert.Equal("2", exchange.Response.Header("x-inngest-req-version"));
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
