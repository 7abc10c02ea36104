using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Inngest.Events.Generators.Tests.Infrastructure;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// The generated JSON code names System.Text.Json and the package's support types through two aliases declared after
/// the file's namespace (<c>__Stj::</c>, <c>__Inngest::</c>). An alias qualifier looks up aliases only, so members of
/// the event named like the aliases, a type of that name imported into every file, one in an enclosing namespace, or
/// a global alias of the same name do not change what the generated code means.
/// (A type of that name declared in the event's own namespace conflicts with the alias, CS0576, and is not covered.)
/// </summary>
public sealed class GeneratedCodeAliasTests
{
    private const string Source = """
        global using Shadows;
        global using __Inngest = System.Text;
        using System.Collections.Generic;
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace Shadows
        {
            // Imported into every file, the generated ones too, by the global using above.
            public sealed record __Stj(string Text);

            public static class JsonSupport
            {
            }
        }

        namespace Shop
        {
            // In a namespace that encloses the event's.
            public static class __Stj
            {
                public static class Utf8JsonReader
                {
                }
            }
        }

        namespace Shop.Orders
        {
            [Event("shop/cart.checked-out")]
            public partial record CartCheckedOut(string CartId, List<CartCheckedOut.CartLine> Lines, Address Shipping)
            {
                // Members of the event's type are in scope in its generated part, where the JSON code is.
                public int __Stj { get; init; }

                public global::Shadows.__Stj? Note { get; init; }

                public static class __Inngest
                {
                    public static class JsonSupport
                    {
                    }
                }

                public sealed record CartLine(string Sku, int Quantity)
                {
                    public string? __Inngest { get; init; }

                    public sealed class __Stj
                    {
                    }
                }
            }

            public sealed record Address(string City, IReadOnlyList<string> Lines)
            {
                public bool __Stj { get; init; }

                public int __Inngest { get; init; }
            }

            public sealed record Receipt(string ChargeId, global::Shadows.__Stj Memo)
            {
                public int __Stj { get; init; }
            }

            public static class CartFunctions
            {
                [InngestFunction("charge-cart")]
                public static async Task<Receipt> Charge(Event<CartCheckedOut> cart, IStepTools step)
                    => await step.RunAsync("charge", () => new Receipt("ch-" + cart.Data.CartId, new global::Shadows.__Stj("paid")));
            }
        }
        """;

    [Fact]
    public void Members_and_types_named_like_the_aliases_do_not_hide_them()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var (driver, output, diagnostics) = GeneratorHarness.Run(compilation, GeneratorHarness.AllGenerators);

        Assert.Empty(diagnostics);
        GeneratorHarness.AssertCompilesCleanly(output);

        // The generated files do use the aliases (the test would prove nothing if they named the types in full).
        var sources = GeneratorHarness.Sources(driver);
        var cart = sources.Single(s => s.HintName.Contains("CartCheckedOut", StringComparison.Ordinal)).Text;
        var registry = sources.Single(s => s.HintName.Contains("InngestFunctions", StringComparison.Ordinal)).Text;
        foreach (var text in new[] { cart, registry })
        {
            Assert.Contains("using __Stj = global::System.Text.Json;", text);
            Assert.Contains("using __Inngest = global::Inngest.Events.SourceGeneration;", text);
            Assert.Contains("__Stj::Utf8JsonReader", text);
            Assert.Contains("__Inngest::JsonSupport", text);
        }

        // Round trips through the generated type infos of the event and of the function's result.
        var context = new AssemblyLoadContext(nameof(GeneratedCodeAliasTests), isCollectible: true);
        try
        {
            var assembly = Load(context, output);
            var eventType = assembly.GetType("Shop.Orders.CartCheckedOut", throwOnError: true)!;
            var eventInfo = (JsonTypeInfo)eventType.GetProperty("JsonTypeInfo", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            AssertRoundTrips(eventInfo, """
                {
                  "cartId": "c-1",
                  "lines": [ { "sku": "a", "quantity": 2, "__Inngest": "gift" }, { "sku": "b", "quantity": 1, "__Inngest": null } ],
                  "shipping": { "city": "Berlin", "lines": [ "Hauptstr. 1" ], "__Stj": true, "__Inngest": 3 },
                  "__Stj": 5,
                  "note": { "text": "leave at the door" }
                }
                """);

            var receiptType = assembly.GetType("Shop.Orders.Receipt", throwOnError: true)!;
            var resolver = (IJsonTypeInfoResolver)assembly.GetType("Inngest.Events.Generated.UserAssembly.InngestGeneratedFunctions", throwOnError: true)!
                .GetProperty("TypeResolver", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
            var receiptInfo = resolver.GetTypeInfo(receiptType, JsonSerializerOptions.Web);
            Assert.NotNull(receiptInfo);
            AssertRoundTrips(receiptInfo, """{ "chargeId": "ch-1", "memo": { "text": "paid" }, "__Stj": 7 }""");
        }
        finally
        {
            context.Unload();
        }
    }

    private static Assembly Load(AssemblyLoadContext context, Microsoft.CodeAnalysis.Compilation output)
    {
        using var image = new MemoryStream();
        var emitted = output.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics));
        image.Position = 0;
        return context.LoadFromStream(image);
    }

    /// <summary>Reads <paramref name="json"/> and writes it back: every member comes back with its value.</summary>
    private static void AssertRoundTrips(JsonTypeInfo info, string json)
    {
        var value = JsonSerializer.Deserialize(json, info);
        Assert.NotNull(value);
        var written = JsonSerializer.Serialize(value, info);
        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(written)),
            $"The round trip changed the value.\nRead:    {json}\nWritten: {written}");
        Assert.Equal(written, JsonSerializer.Serialize(JsonSerializer.Deserialize(written, info), info));
    }
}
