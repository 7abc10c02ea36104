using Inngest.Events.Generators.SchemaLock;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Tests.SchemaLock;

/// <summary>
/// The analyzer decides "schema unchanged" by comparing a snapshot's schema with the locked text while writing it
/// (<see cref="LockJsonWriter.Matches"/>), without writing the snapshot's text. That must agree with writing the text and
/// comparing strings (what the check did before) on every schema the tests know, and on texts that differ anywhere.
/// </summary>
public sealed class LockTextMatchTests
{
    /// <summary>Every shape of <see cref="SchemaChangeTests.Changes"/> (before and after), and a few more with unusual names.</summary>
    private static IEnumerable<string> Sources()
    {
        foreach (var row in SchemaChangeTests.Changes)
        {
            yield return (string)row[1];
            yield return (string)row[2];
        }

        yield return """
            [Flags] public enum Perks { None = 0, Gift = 1, Express = 2, Both = 3 }
            public enum Tier : byte { Bronze = 1, Silver = 2, Gold = 3 }
            public sealed record Line(string Sku, int Quantity, decimal UnitPrice, Line? Parent);
            [Event("shop/odd.names", Version = "2")]
            public partial record OddNames(
                [property: JsonPropertyName("quote\"back\\slash")] string Quoted,
                [property: JsonPropertyName("tab\tnew\nline\u0001")] int Controls,
                [property: JsonPropertyName("grüße→✓")] string NonAscii,
                [property: JsonConverter(typeof(JsonStringEnumConverter))] Perks Perks,
                Tier? Tier,
                Dictionary<string, List<Line?>> Lines,
                Guid[] Ids,
                DateTimeOffset? When,
                JsonElement Extra,
                char Initial,
                byte[] Blob);
            """;
    }

    [Fact]
    public void Comparing_while_writing_agrees_with_writing_and_comparing_on_every_test_shape()
    {
        var schemas = new List<LockObject>();
        foreach (var source in Sources())
        {
            var compilation = LockHarness.Compile(source);
            foreach (var type in SourceEvents.All(compilation, CancellationToken.None))
            {
                if (EventSnapshot.Create(type, compilation, CancellationToken.None) is { } snapshot)
                {
                    schemas.Add(snapshot.Schema);
                }
            }
        }

        Assert.True(schemas.Count >= 40, $"only {schemas.Count} schemas");
        var texts = schemas.ConvertAll(s => LockJsonWriter.Write(s, LockedSchema.Depth, finalNewline: false));
        for (var i = 0; i < schemas.Count; i++)
        {
            // The text in place, inside a larger file (as a lock holds it), matches; every other schema's text matches
            // exactly when it is the same text.
            for (var j = 0; j < schemas.Count; j++)
            {
                Assert.Equal(texts[i] == texts[j], InFile(texts[j]).Matches(schemas[i], LockedSchema.Depth));
            }

            // Any one character changed, a character missing or one more at the end: no match.
            var text = texts[i];
            for (var at = 0; at < text.Length; at += Math.Max(1, text.Length / 97))
            {
                var changed = text.Substring(0, at) + (text[at] == 'x' ? 'y' : 'x') + text.Substring(at + 1);
                Assert.False(InFile(changed).Matches(schemas[i], LockedSchema.Depth), $"changed at {at}: {changed}");
                Assert.False(InFile(text.Remove(at, 1)).Matches(schemas[i], LockedSchema.Depth), $"removed at {at}");
            }

            Assert.False(InFile(text + " ").Matches(schemas[i], LockedSchema.Depth));
            Assert.False(InFile(text.Substring(0, text.Length - 1)).Matches(schemas[i], LockedSchema.Depth));
            Assert.True(InFile(text).Matches(schemas[i], LockedSchema.Depth));
        }
    }

    /// <summary>The text as a raw value of a larger file, with other text around it (which must not be compared).</summary>
    private static LockRaw InFile(string text)
    {
        const string before = "{\n  \"events\": ";
        return new LockRaw(before + text + ",\n  \"x\": 1\n}\n", before.Length, text.Length);
    }
}
