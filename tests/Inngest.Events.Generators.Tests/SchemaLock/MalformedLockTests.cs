using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.SchemaLock;

namespace Inngest.Events.Generators.Tests.SchemaLock;

/// <summary>A lock that cannot be read is INNG1023 at the line and column of the problem, never an analyzer crash.</summary>
public sealed class MalformedLockTests
{
    private const string Event = "[Event(\"shop/order.placed\")] public partial record OrderPlaced(string OrderId);";

    public static TheoryData<string, string, int, int> Malformed => new()
    {
        { "{\n  \"lockVersion\": 1,\n  \"events\": {\n", "the file ends where a property name in double quotes was expected", 4, 1 },
        { "{\n  \"lockVersion\": 1,\n  \"events\": {},\n}", "unexpected '}' where a property name in double quotes was expected", 4, 1 },
        { "{ \"lockVersion\": 1, \"events\": { \"a\": 1 } }", "the event \"a\" must be an object with \"type\", \"current\" and \"versions\"", 1, 38 },
        { "{ \"lockVersion\": 2, \"events\": {} }", "\"lockVersion\" is 2, but this version of Inngest.Events reads only version 1 (a newer package may have written it)", 1, 18 },
        { "[1, 2]", "the lock must be a JSON object, not an array", 1, 1 },
        { "{ \"events\": {} }", "\"lockVersion\" must be a number (1)", 1, 1 },
        { "{ \"lockVersion\": 1, \"events\": [] }", "\"events\" must be an object of event names", 1, 31 },
        { "{ \"lockVersion\": 1, \"events\": { \"a\": { \"type\": \"T\", \"current\": \"2\", \"versions\": { \"1\": {} } } } }", "the event \"a\" names \"2\" as its current version, but \"versions\" has no such entry", 1, 64 },
        { "{ \"lockVersion\": 1, \"events\": { \"a\": { \"type\": \"T\", \"current\": \"1\", \"versions\": { \"1\": true } } } }", "the schema of the event \"a\" version \"1\" must be a JSON Schema object", 1, 88 },
        { "{ \"lockVersion\": 1, \"lockVersion\": 1 }", "the property \"lockVersion\" appears twice in one object", 1, 21 },
        { "{ \"lockVersion\": 1, \"events\": { \"a\\q\": 1 } }", "'\\q' is not a JSON escape", 1, 35 },
        { "{ \"lockVersion\": 01 }", "unexpected '1' where ',' or '}' was expected", 1, 19 },
        { "<<<<<<< HEAD\n{}", "unexpected '<' where a value was expected", 1, 1 },
        { new string('[', 500), "the JSON nests deeper than 128 levels", 1, 129 },

        // Inside a version's schema, which is checked without being read into nodes: names are compared as written, and
        // decoded when one is escaped.
        { "{ \"lockVersion\": 1, \"events\": { \"a\": { \"type\": \"T\", \"current\": \"1\", \"versions\": { \"1\": { \"properties\": { \"x\": {}, \"y\": {}, \"x\": {} } } } } } }", "the property \"x\" appears twice in one object", 1, 124 },
        { "{ \"lockVersion\": 1, \"events\": { \"a\": { \"type\": \"T\", \"current\": \"1\", \"versions\": { \"1\": { \"properties\": { \"x\": {}, \"\\u0078\": {} } } } } } }", "the property \"x\" appears twice in one object", 1, 115 },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task An_unreadable_lock_is_reported_with_its_line_and_column(string text, string problem, int line, int column)
    {
        var diagnostic = Assert.Single(await LockHarness.AnalyzeAsync(text, Event));
        Assert.Equal(DiagnosticIds.EventLockUnreadable, diagnostic.Id);
        Assert.Equal($"inngest-events.lock.json cannot be read: {problem} (line {line}, column {column}); correct it, or delete it and write it again with 'dotnet build -p:InngestUpdateEventsLock=true'", diagnostic.GetMessage());
        var span = diagnostic.Location.GetLineSpan();
        Assert.Equal(LockHarness.LockPath, span.Path);
        Assert.Equal((line - 1, column - 1), (span.StartLinePosition.Line, span.StartLinePosition.Character));

        // The update leaves an unreadable lock alone (and reports the same error).
        Assert.Throws<LockFormatException>(() => EventLockFile.Parse(text));
    }

    [Fact]
    public void White_space_and_one_byte_order_mark_are_an_empty_lock_but_two_marks_are_not()
    {
        foreach (var blank in new[] { "", " \n", "\uFEFF", "\uFEFF\r\n", " \uFEFF \t" })
        {
            Assert.Empty(EventLockFile.Parse(blank).Events);
        }

        Assert.Throws<LockFormatException>(() => EventLockFile.Parse("\uFEFF\uFEFF"));

        // Different names, one of them escaped, are two names.
        var parsed = EventLockFile.Parse("{ \"lockVersion\": 1, \"events\": { \"a\": { \"type\": \"T\", \"current\": \"1\", \"versions\": { \"1\": { \"x\": 1, \"\\u0079\": 2 } } } } }");
        Assert.Equal("1", Assert.Single(parsed.Events).Value.Current);
    }
}
