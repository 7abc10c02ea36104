using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inngest.Events.Benchmarks;

/// <summary>The README's InvoicePaid with nested metadata and optional line items.</summary>
[Event("billing/invoice.paid")]
public sealed partial record InvoicePaid(
    string InvoiceId,
    decimal Amount,
    string Currency,
    InvoiceMetadata Metadata,
    List<LineItem>? Lines = null);

public sealed record InvoiceMetadata(string CustomerId, string Source, DateTimeOffset PaidAt, Address BillingAddress, int? Attempt);

public sealed record Address(string Line1, string? Line2, string City, string PostalCode, string Country);

public sealed record LineItem(string Sku, string Description, int Quantity, decimal UnitPrice, bool Taxable);

/// <summary>System.Text.Json's source generator on the same types, with web defaults.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(InvoicePaid))]
public sealed partial class StjContext : JsonSerializerContext;

public static class SerializerData
{
    public static readonly JsonSerializerOptions ReflectionOptions = new(JsonSerializerDefaults.Web)
    {
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public static InvoicePaid Typical() => new(
        "inv_42",
        129.90m,
        "EUR",
        new InvoiceMetadata("cus_1234", "checkout", new DateTimeOffset(2025, 3, 1, 12, 30, 0, TimeSpan.Zero),
            new Address("1 Main Street", null, "Berlin", "10115", "DE"), 1));

    public static InvoicePaid Large() => Typical() with
    {
        Lines = Enumerable.Range(0, 100)
            .Select(i => new LineItem($"SKU-{i:D5}", $"Line item number {i}", i % 7 + 1, 9.99m + i, i % 2 == 0))
            .ToList(),
    };
}
