using Inngest.Events.Generators.Tests.Infrastructure;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// The generated code for representative shapes, checked against snapshots; each also compiles without
/// diagnostics and is fully cached after an unrelated edit.
/// </summary>
public sealed class EventGeneratorSnapshotTests
{
    private static void Verify(string name, params string[] sources)
    {
        var compilation = GeneratorHarness.Compile(sources);
        var (driver, output, diagnostics) = GeneratorHarness.Run(compilation);
        Assert.Empty(diagnostics);
        GeneratorHarness.AssertCompilesCleanly(output);
        var generated = GeneratorHarness.Sources(driver);
        Assert.NotEmpty(generated);
        var text = string.Join("\n", generated.Select(g => $"//// {g.HintName}\n{g.Text}"));
        Snapshot.Match(name, text);
        GeneratorHarness.AssertCachedAfterUnrelatedEdit(compilation);
    }

    [Fact]
    public void Positional_record_with_version_and_id_template() => Verify(nameof(Positional_record_with_version_and_id_template), """
        using System;
        using System.Collections.Generic;
        using Inngest.Events;

        namespace Billing;

        [Event("billing/invoice.paid", Version = "2024-01-15.1", Id = "invoice-paid-{InvoiceId}-{{v}}")]
        public partial record InvoicePaid(string InvoiceId, decimal Amount, string Currency, IReadOnlyList<LineItem> Lines)
        {
            public DateTimeOffset? PaidAt { get; init; }
        }

        public sealed record LineItem(string Sku, int Quantity, decimal UnitPrice);
        """);

    [Fact]
    public void Record_struct_nested_in_partial_types_with_keyword_members() => Verify(nameof(Record_struct_nested_in_partial_types_with_keyword_members), """
        using Inngest.Events;

        namespace Shop.Events
        {
            public static partial class Catalog
            {
                public partial class Inner
                {
                    [Event("shop/item.viewed")]
                    public readonly partial record struct @event(string @class, int @for, System.Guid Id);
                }
            }
        }
        """);

    [Fact]
    public void Event_in_global_namespace_with_member_named_like_interface_members() => Verify(nameof(Event_in_global_namespace_with_member_named_like_interface_members), """
        using Inngest.Events;

        [Event("app/thing.happened")]
        public partial class ThingHappened
        {
            public string EventName { get; set; } = "";
            public int Count { get; set; }
        }
        """);

    [Fact]
    public void Class_with_json_attributes_required_and_init_members() => Verify(nameof(Class_with_json_attributes_required_and_init_members), """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using Inngest.Events;

        namespace Accounts;

        public enum Plan : byte { Free, Pro }

        [Event("accounts/user.signed_up")]
        public partial class UserSignedUp
        {
            public required string UserId { get; init; }
            [JsonPropertyName("e-mail")] public string? Email { get; set; }
            [JsonIgnore] public string Secret { get; set; } = "";
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Referrer { get; set; }
            [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] public int Logins { get; set; }
            [JsonPropertyOrder(-1)] public DateOnly SignupDate { get; init; }
            [JsonRequired] public Plan Plan { get; set; }
            [JsonConverter(typeof(JsonStringEnumConverter))] public Plan DisplayPlan { get; set; }
            public string Locale { get; init; } = "en";
            public Dictionary<string, JsonElement>? Traits { get; set; }
            public byte[]? Avatar { get; set; }
            public TimeSpan? Trial { get; set; }
            public Uri? Homepage { get; set; }
        }
        """);

    [Fact]
    public void Recursive_types_collections_and_nullable_values() => Verify(nameof(Recursive_types_collections_and_nullable_values), """
        using System.Collections.Generic;
        using Inngest.Events;

        namespace Docs;

        [Event("docs/tree.published")]
        public partial record TreePublished(Node Root, int[] Counts, List<int?> Maybe, IDictionary<string, List<Node>> Index);

        public sealed class Node
        {
            public string Name { get; set; } = "";
            public List<Node> Children { get; set; } = new();
            public Node? Parent { get; set; }
        }
        """);
}
