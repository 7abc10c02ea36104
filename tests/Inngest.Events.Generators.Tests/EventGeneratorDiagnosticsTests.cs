using Inngest.Events.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// The generator reports what is wrong with an event type, at the user's code; it still generates what it can
/// (only a type that is not partial gets nothing), which <see cref="GeneratedCodeCompilesTests"/> checks compiles.
/// </summary>
public sealed class EventGeneratorDiagnosticsTests
{
    private static Diagnostic Single(string source, string id) => Single(source, id, out _);

    private static Diagnostic Single(string source, string id, out string locatedText)
    {
        var compilation = GeneratorHarness.Compile(source);
        var (driver, _, diagnostics) = GeneratorHarness.Run(compilation);
        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);

        // Generator diagnostics carry a file location (path, span), which the IDE and the build show in the source.
        var span = diagnostic.Location.GetLineSpan();
        var tree = compilation.SyntaxTrees.SingleOrDefault(t => t.FilePath == span.Path);
        Assert.True(tree is not null, "The diagnostic does not point into the user's source.");
        locatedText = tree!.GetText().ToString(diagnostic.Location.SourceSpan);
        if (id == "INNG1001")
        {
            Assert.Empty(GeneratorHarness.Sources(driver));
        }
        else
        {
            Assert.Single(GeneratorHarness.Sources(driver));
        }

        return diagnostic;
    }

    [Fact]
    public void Non_partial_event_type_is_INNG1001()
    {
        var d = Single("""
            [Inngest.Events.Event("a/b.c")]
            public record NotPartial(int X);
            """, "INNG1001", out var located);
        Assert.Contains("'NotPartial' must be declared partial", d.GetMessage());
        Assert.Equal("NotPartial", located);
    }

    [Fact]
    public void Non_partial_containing_type_is_INNG1001()
    {
        var d = Single("""
            public class Outer
            {
                [Inngest.Events.Event("a/b.c")]
                public partial record Inner(int X);
            }
            """, "INNG1001");
        Assert.Contains("'Outer' must be declared partial", d.GetMessage());
        Assert.Contains("contains the event type 'Inner'", d.GetMessage());
    }

    [Fact]
    public void Generic_event_type_is_INNG1002()
    {
        var d = Single("""
            [Inngest.Events.Event("a/b.c")]
            public partial record Wrapped<T>(T Value);
            """, "INNG1002");
        Assert.Contains("'Wrapped' is generic", d.GetMessage());
    }

    [Fact]
    public void Object_member_is_INNG1003_naming_the_member_and_suggesting_a_converter()
    {
        var d = Single("""
            [Inngest.Events.Event("a/b.c")]
            public partial record Loose(int X, object Payload);
            """, "INNG1003", out var located);
        var message = d.GetMessage();
        Assert.Contains("'Payload' of 'Loose'", message);
        Assert.Contains("'object'", message);
        Assert.Contains("JsonElement", message);
        Assert.Contains("[JsonConverter", message);
        Assert.Equal("Payload", located);
    }

    [Fact]
    public void Unsupported_type_deep_inside_a_nested_record_is_INNG1003_at_that_property()
    {
        var d = Single("""
            using System.Collections.Generic;
            public interface IShape { }
            public sealed record Holder(List<IShape> Shapes);
            [Inngest.Events.Event("a/b.c")]
            public partial record Outer(Holder Holder);
            """, "INNG1003");
        Assert.Contains("'Shapes' of 'Holder'", d.GetMessage());
        Assert.Contains("interfaces", d.GetMessage());
    }

    [Fact]
    public void Dictionary_with_non_string_keys_is_INNG1003()
    {
        var d = Single("""
            [Inngest.Events.Event("a/b.c")]
            public partial record Counts(System.Collections.Generic.Dictionary<int, string> ByNumber);
            """, "INNG1003");
        Assert.Contains("string keys", d.GetMessage());
    }

    [Theory]
    [InlineData("[property: JsonExtensionData] Dictionary<string, JsonElement> Extra", "JsonExtensionData", "'Extra' of 'Loose'", "not collected into this property")]
    [InlineData("[property: JsonNumberHandling(JsonNumberHandling.AllowNamedFloatingPointLiterals)] double Extra", "JsonNumberHandling", "'Extra' of 'Loose'", "NaN and infinities are refused")]
    [InlineData("[property: JsonNumberHandling(JsonNumberHandling.WriteAsString)] decimal Extra", "JsonNumberHandling", "'Extra' of 'Loose'", "always written as JSON numbers")]
    [InlineData("[property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] string Extra", "JsonNumberHandling", "'Extra' of 'Loose'", "only on a number, or an array, list or dictionary of numbers")]
    [InlineData("[property: JsonNumberHandling(JsonNumberHandling.Strict)] List<long[]> Extra", "JsonNumberHandling", "'Extra' of 'Loose'", "only on a number, or an array, list or dictionary of numbers")]
    [InlineData("[property: JsonObjectCreationHandling(JsonObjectCreationHandling.Populate)] List<int> Extra", "JsonObjectCreationHandling", "'Extra' of 'Loose'", "not populated")]
    public void A_property_attribute_the_serializer_does_not_honour_is_INNG1006_at_the_property(string parameter, string attribute, string subject, string effect)
    {
        var d = Single($$"""
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            [Inngest.Events.Event("a/b.c")]
            public partial record Loose(string Id, {{parameter}});
            """, "INNG1006", out var located);
        var message = d.GetMessage();
        Assert.Contains($"The property {subject} has [{attribute}]", message);
        Assert.Contains(effect, message);
        Assert.Contains("[JsonConverter(typeof(...))] on the property", message);
        Assert.Equal("Extra", located);
        Assert.Equal(DiagnosticSeverity.Error, d.Severity);
    }

    [Fact]
    public void A_property_attribute_in_a_body_is_read_the_same_way()
    {
        var d = Single("""
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            [Inngest.Events.Event("a/b.c")]
            public partial record Loose
            {
                public string Id { get; init; } = "";

                [JsonExtensionData]
                public Dictionary<string, JsonElement>? Extra { get; set; }
            }
            """, "INNG1006", out var located);
        Assert.Contains("The property 'Extra' of 'Loose' has [JsonExtensionData]", d.GetMessage());
        Assert.Equal("Extra", located);
    }

    [Fact]
    public void A_type_attribute_the_serializer_does_not_honour_is_INNG1006_on_the_event_type_or_where_a_property_uses_the_type()
    {
        var own = Single("""
            using System.Text.Json.Serialization;
            [Inngest.Events.Event("a/b.c")]
            [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
            public partial record Strict(string Id);
            """, "INNG1006");
        Assert.Contains("The event type 'Strict' has [JsonUnmappedMemberHandling]", own.GetMessage());
        Assert.Contains("skipped, not refused", own.GetMessage());
        Assert.Contains("on the type", own.GetMessage());

        var used = Single("""
            using System.Collections.Generic;
            using System.Text.Json.Serialization;
            [JsonDerivedType(typeof(Circle), "circle")]
            public record Shape(string Name);
            public sealed record Circle(string Name, double Radius) : Shape(Name);
            [Inngest.Events.Event("a/b.c")]
            public partial record Drawn(string Id, List<Shape> Shapes);
            """, "INNG1006", out var located);
        Assert.Contains("The type 'Shape', used by the property 'Shapes' of 'Drawn', has [JsonDerivedType]", used.GetMessage());
        Assert.Contains("without a type discriminator", used.GetMessage());
        Assert.Equal("Shapes", located);
    }

    [Fact]
    public void JsonInclude_on_a_member_the_generated_code_leaves_out_is_INNG1006_naming_the_member()
    {
        var field = Single("""
            using System.Text.Json.Serialization;
            [Inngest.Events.Event("a/b.c")]
            public partial record Secretive(string Id)
            {
                [JsonInclude]
                private string _note = "";
            }
            """, "INNG1006");
        Assert.Contains("The event type 'Secretive' has [JsonInclude]", field.GetMessage());
        Assert.Contains("on its member '_note'", field.GetMessage());

        var aliased = Single("""
            using Keep = System.Text.Json.Serialization.JsonIncludeAttribute;
            [Inngest.Events.Event("a/b.c")]
            public partial record Aliased(string Id)
            {
                [Keep]
                internal int Revision { get; set; }
            }
            """, "INNG1006");
        Assert.Contains("on its member 'Revision'", aliased.GetMessage());

        var setter = Single("""
            using System.Text.Json.Serialization;
            public sealed class Counter
            {
                [JsonInclude]
                public int Count { get; private set; }
            }
            [Inngest.Events.Event("a/b.c")]
            public partial record Counted(string Id, Counter Counter);
            """, "INNG1006", out var located);
        Assert.Contains("The type 'Counter', used by the property 'Counter' of 'Counted', has [JsonInclude]", setter.GetMessage());
        Assert.Contains("on its member 'Count'", setter.GetMessage());
        Assert.Equal("Counter", located);
    }

    [Fact]
    public void Attributes_the_serializer_honours_or_does_anyway_are_fine()
    {
        var compilation = GeneratorHarness.Compile("""
            using System.Collections.Generic;
            using System.Text.Json;
            using System.Text.Json.Serialization;
            [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
            [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
            public sealed record Inner([property: JsonObjectCreationHandling(JsonObjectCreationHandling.Replace)] List<int> Items)
            {
                [JsonInclude]
                public string Label { get; set; } = "";
            }
            [Inngest.Events.Event("a/b.c")]
            [JsonObjectCreationHandling(JsonObjectCreationHandling.Replace)]
            public partial record Fine(
                [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] decimal Amount,
                [property: JsonNumberHandling(JsonNumberHandling.Strict)] int Count,
                [property: JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)] Dictionary<string, long?> Totals,
                [property: JsonConverter(typeof(JsonStringEnumConverter))] System.DayOfWeek Day,
                Inner Inner);
            """);
        var (_, output, diagnostics) = GeneratorHarness.Run(compilation);
        Assert.Empty(diagnostics);
        GeneratorHarness.AssertCompilesCleanly(output);
    }

    [Fact]
    public void Unknown_id_placeholder_is_INNG1004_with_a_suggestion()
    {
        var d = Single("""
            [Inngest.Events.Event("billing/invoice.paid", Id = "invoice-paid-{invoiceId}")]
            public partial record InvoicePaid(string InvoiceId);
            """, "INNG1004");
        Assert.Contains("'{invoiceId}'", d.GetMessage());
        Assert.Contains("did you mean 'InvoiceId'", d.GetMessage());
    }

    [Theory]
    [InlineData("paid-{InvoiceId", "never closed")]
    [InlineData("paid-{}", "is empty")]
    [InlineData("paid-}", "closes nothing")]
    public void Malformed_id_template_is_INNG1005(string template, string reason)
    {
        var d = Single($$"""
            [Inngest.Events.Event("billing/invoice.paid", Id = "{{template}}")]
            public partial record InvoicePaid(string InvoiceId);
            """, "INNG1005");
        Assert.Contains(reason, d.GetMessage());
    }

    [Fact]
    public void Id_template_with_escaped_braces_formats_values_invariantly()
    {
        var (_, output, diagnostics) = GeneratorHarness.Run(GeneratorHarness.Compile("""
            [Inngest.Events.Event("billing/invoice.paid", Id = "{{x}}-{Amount}-{When}")]
            public partial record InvoicePaid(decimal Amount, System.DateTimeOffset When);
            """));
        Assert.Empty(diagnostics);
        GeneratorHarness.AssertCompilesCleanly(output);
    }
}
