using Inngest.Events.Generators.Events;
using Inngest.Events.Generators.Functions;
using Inngest.Events.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// Reading JSON shapes from declarations (<c>DeclaredType</c>) must give exactly what reading them from symbols gives:
/// equal models at every named step, the same diagnostics and byte-identical sources. Every compilation the generator
/// tests run is checked this way (<see cref="GeneratorHarness.Run(Microsoft.CodeAnalysis.CSharp.CSharpCompilation, GeneratorDriver?)"/>);
/// these tests add the differential shapes of the runtime tests and shapes chosen to catch a reader that is not exact,
/// and check which of them are read from declarations at all (a reader that never read one would pass the rest).
/// </summary>
public sealed class DeclarationReadingTests
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.ComponentModel;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Inngest.Events;

        """;

    private static readonly Type[] Generators = [typeof(EventGenerator), typeof(FunctionGenerator)];

    /// <summary>Shapes read from declarations: the check is that every object type of them was.</summary>
    public static TheoryData<string, string[]> Readable => new()
    {
        {
            "positional records as the benchmark declares them, with an id template",
            [Usings + """
                namespace Acme.Shop;
                [Event("shop/order1.placed", Id = "order1-{OrderId}")]
                public sealed partial record Order1Placed(
                    string OrderId, string CustomerId, decimal Total, int? Priority, DateTimeOffset PlacedAt,
                    Order1Address ShippingAddress, Order1Address? BillingAddress, IReadOnlyList<Order1Line> Lines,
                    List<string>? Tags, Dictionary<string, string>? Metadata, string? Note = null);
                public sealed record Order1Address(string Street, string City, string? Region, string PostalCode, string Country);
                public sealed record Order1Line(string Sku, string Name, int Quantity, decimal UnitPrice, Order1Discount? Discount);
                public sealed record Order1Discount(string Code, decimal Percent, DateOnly? ValidUntil);
                """]
        },
        {
            "a partial record over two files, the later file first in the compilation, properties in both bodies",
            [Usings + """
                namespace Split;
                public sealed partial record Parts
                {
                    public int Early { get; init; }
                    [JsonPropertyName("late_name")] public string? Late { get; set; }
                    public static int Shared { get; set; }
                }
                """,
            Usings + """
                namespace Split;
                [Event("split/parts", Id = "{id}-{Early}")]
                public sealed partial record Parts(string Id, [property: JsonPropertyName("the_count")] int Count)
                {
                    public required string Req { get; init; }
                    public string this[int i] => Id;
                }
                """]
        },
        {
            "attributes honoured and ignored on body properties and positional parameters",
            [Usings + """
                using JPN = System.Text.Json.Serialization.JsonPropertyNameAttribute;
                namespace Attrs;
                public static class Names { public const string Renamed = "renamed_by_const"; }
                [Event("attrs/all")]
                public partial record AllAttributes(
                    [property: JsonIgnore] string Hidden,
                    [param: Description("p")] string Plain,
                    [field: NonSerialized] string Field,
                    [property: JsonPropertyOrder(-1), JsonRequired] string First,
                    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? SkippedWhenNull)
                {
                    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int Zero { get; init; }
                    [JsonIgnore(Condition = JsonIgnoreCondition.WhenReading)] public string ReadIgnored { get; init; } = "";
                    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWriting)] public string WriteIgnored { get; init; } = "";
                    [JsonIgnore(Condition = JsonIgnoreCondition.Never)] public string Never { get; init; } = "";
                    [JsonIgnore] public string Always { get; init; } = "";
                    [JsonPropertyOrder(2)] [JsonPropertyName(Names.Renamed)] public string Renamed { get; init; } = "";
                    [JPN("aliased")] public string Aliased { get; init; } = "";
                    [property: JsonRequired] public string? MustHave { get; set; }
                    [Description("not a JSON attribute")] [Obsolete] public string Described { get; init; } = "";
                    [System.Text.Json.Serialization.JsonPropertyName("qualified")] public int Qualified { get; init; }
                }
                """]
        },
        {
            "accessors, required, init, keywords, static members and other members",
            [Usings + """
                namespace Accessors;
                [Event("accessors/all")]
                public partial class AccessorShapes
                {
                    public required string Required { get; set; }
                    public string Init { get; init; } = "";
                    public string PrivateSet { get; private set; } = "";
                    public string GetOnly { get; } = "";
                    public string Computed => Init + "!";
                    public string ProtectedGet { protected get; set; } = "";
                    public int @class { get; set; }
                    internal string Internal { get; set; } = "";
                    private string Private { get; set; } = "";
                    public static string Static { get; set; } = "";
                    public string Field = "";
                    public const int Constant = 1;
                    public event EventHandler? Changed;
                    public void Method() => Changed?.Invoke(this, EventArgs.Empty);
                    public class Nested { public int X { get; set; } }
                    static AccessorShapes() { }
                }
                """]
        },
        {
            "nullable values and references, collections, dictionaries, enums, nested records, a #nullable disable region",
            [Usings + """
                namespace Values;
                public enum Level { Low, High }
                [Flags] public enum Options : byte { None = 0, A = 1, B = 2 }
                [Event("values/all")]
                public partial record struct ValueShapes(int? MaybeInt, string? MaybeText, List<string?>? Items, Dictionary<string, int?> Counts, int[] Numbers, byte[] Bytes, Level Level, Options? Options, Inner Inner, Inner? MaybeInner, Guid Id, TimeSpan Span, Uri? Link, JsonElement Raw)
                {
                #nullable disable
                    public string Oblivious { get; set; }
                    public List<string> ObliviousList { get; set; }
                #nullable restore
                    public IReadOnlyDictionary<string, List<Inner>> Deep { get; set; }
                }
                public readonly record struct Inner(string Name, Level Level);
                public struct PlainStruct { public int A { get; set; } public string? B { get; init; } }
                [Event("values/plain")]
                public partial class HoldsStruct { public PlainStruct Plain { get; set; } public IEnumerable<PlainStruct> Many { get; set; } = []; }
                """]
        },
        {
            "inheritance without a name shared between levels",
            [Usings + """
                namespace Inheritance;
                public abstract record EnvelopeBase { public string TraceId { get; init; } = ""; public virtual int Version { get; init; } }
                public record Middle(string Source) : EnvelopeBase { public DateTimeOffset At { get; init; } }
                [Event("inheritance/derived")]
                public sealed partial record Derived(string Payload, int Count = 5, bool Flag = true, string Text = "a\"b\n", decimal Price = 1.50m) : Middle("x");
                public class BaseClass { public int BaseValue { get; set; } }
                [Event("inheritance/class")]
                public partial class DerivedClass : BaseClass { public string Own { get; set; } = ""; }
                """]
        },
        {
            "an explicit property in place of a positional parameter, and attributes bound where a nested type could shadow them",
            [Usings + """
                namespace Replaced;
                [Event("replaced/one")]
                public partial record Replacing(string Name, int Count)
                {
                    [JsonPropertyName("display_name")] public string Name { get; init; } = Name.Trim();
                    public sealed class ZAttribute : Attribute { }
                }
                [Event("replaced/two")]
                public partial record NoBody([property: JsonPropertyName("n")] string Name, [property: JsonPropertyOrder(1)] int Other);
                """]
        },
        {
            "step results and inputs that are source records, through the function generator",
            [Usings + """
                namespace Steps;
                [Event("steps/started")]
                public partial record Started(string Id);
                public sealed record Summary(string Id, IReadOnlyList<Line> Lines, [property: JsonPropertyName("t")] decimal Total);
                public sealed record Line(string Sku, int Quantity);
                public sealed class Flow
                {
                    [InngestFunction("steps-flow")]
                    public async Task<Summary> RunAsync(Event<Started> evt, IStepTools step)
                    {
                        var summary = await step.RunAsync("sum", () => new Summary(evt.Data.Id, new List<Line>(), 1m));
                        return summary;
                    }
                }
                """]
        },
    };

    /// <summary>Shapes left (in part) to the symbols: the check is that they agree, and that the symbols were used.</summary>
    public static TheoryData<string, string[]> LeftToSymbols => new()
    {
        {
            "hiding, overriding and a positional parameter bound to an inherited property",
            [Usings + """
                namespace Hiding;
                public record Base(string Id) { public virtual string Name { get; init; } = ""; public int Hidden { get; init; } }
                [Event("hiding/derived")]
                public partial record Derived(string Id, int Extra) : Base(Id)
                {
                    [JsonIgnore] public override string Name { get; init; } = "";
                    public new string Hidden { get; init; } = "";
                }
                """]
        },
        {
            "constructors, converters, generic types and explicit interface members",
            [Usings + """
                namespace Others;
                public sealed class UpperConverter : JsonConverter<string>
                {
                    public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!.ToLowerInvariant();
                    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToUpperInvariant());
                }
                public interface IHasCode { string Code { get; } }
                [Event("others/all")]
                public partial class WithConstructor : IHasCode
                {
                    [JsonConstructor] public WithConstructor(string name) => Name = name;
                    public string Name { get; }
                    [JsonConverter(typeof(UpperConverter))] public string Shout { get; set; } = "";
                    public Box<int> Boxed { get; set; } = new(1);
                    string IHasCode.Code => Name;
                    public Converted Scaled { get; set; } = new(2.0);
                }
                public sealed record Box<T>(T Value);
                public sealed record Converted(double Value = 1);
                """]
        },
        {
            "defaults that need a conversion, and a member the serializer cannot handle",
            [Usings + """
                namespace Defaults;
                public enum Shade { Dark, Light }
                [Event("defaults/all")]
                public partial record Defaults(double Ratio = 1, Shade Shade = Shade.Light, long Big = 2, object? Anything = null);
                """]
        },
    };

    [Theory]
    [MemberData(nameof(Readable))]
    public void Shapes_read_from_declarations_match_the_symbols(string description, string[] sources)
    {
        var counts = DeclarationReading.AssertSameAsSymbols(GeneratorHarness.Compile(sources), Generators);
        Assert.True(counts.FromDeclarations > 0 && counts.FromSymbols == 0, $"{description}: {counts.FromDeclarations} object types read from declarations, {counts.FromSymbols} from symbols.");
        Assert.Equal(0, counts.SymbolsOnlyFromDeclarations);
    }

    [Theory]
    [MemberData(nameof(LeftToSymbols))]
    public void Shapes_left_to_the_symbols_match_them(string description, string[] sources)
    {
        var counts = DeclarationReading.AssertSameAsSymbols(GeneratorHarness.Compile(sources), Generators);
        Assert.True(counts.FromSymbols > 0, $"{description}: every object type was read from declarations ({counts.FromDeclarations}).");
    }

    [Fact]
    public void The_differential_shapes_of_the_runtime_tests_match_the_symbols()
    {
        var directory = Path.Combine(RepositoryRoot(), "tests", "Inngest.Events.Tests", "Serialization");
        var sources = new[] { "DifferentialShapes.cs", "DifferentialShapeParts.cs", "GlobalNamespaceShape.cs", "SmokeEvents.cs" }
            .Select(f => File.ReadAllText(Path.Combine(directory, f)))
            .Prepend("""
                global using System;
                global using System.Collections.Generic;
                global using System.Linq;
                global using System.Threading.Tasks;
                global using Inngest.Events;
                """)
            .ToArray();
        var compilation = GeneratorHarness.Compile(sources);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error && d.Id != "CS0535" && d.Id != "CS0311"));
        var counts = DeclarationReading.AssertSameAsSymbols(compilation, Generators);
        Assert.True(counts.FromDeclarations > 10, $"{counts.FromDeclarations} object types read from declarations, {counts.FromSymbols} from symbols.");
    }

    private static string RepositoryRoot()
    {
        for (var directory = AppContext.BaseDirectory; !string.IsNullOrEmpty(directory); directory = Path.GetDirectoryName(directory))
        {
            if (File.Exists(Path.Combine(directory, "Generators.sln")))
            {
                return directory;
            }
        }

        throw new InvalidOperationException($"Generators.sln not found above '{AppContext.BaseDirectory}'.");
    }
}
