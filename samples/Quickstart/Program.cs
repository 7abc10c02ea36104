using System.Text.Json;
using Inngest.Events;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Quickstart;

// 1. A stand-in for the Inngest dev server's event API on loopback (POST /e/{key}), so the sample needs nothing
//    installed. Point EventApiBaseUrl at http://localhost:8288 instead to send to a real dev server.
var received = new List<string>();
string? address = null;
var api = WebApplication.CreateSlimBuilder();
api.WebHost.UseUrls("http://127.0.0.1:0");
api.Logging.SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning);

// 2. The client, registered the usual way (options are read when the client is first resolved).
api.Services.AddInngest(options =>
{
    options.AppId = "quickstart";
    options.IsDev = true;
    options.EventApiBaseUrl = new Uri(address!);
});
var server = api.Build();
server.MapPost("/e/{key}", async (HttpRequest request) =>
{
    using var body = await JsonDocument.ParseAsync(request.Body);
    var ids = new List<string>();
    foreach (var evt in body.RootElement.EnumerateArray())
    {
        received.Add(evt.GetRawText());
        ids.Add($"01JQUICKSTART{received.Count:D13}");
    }

    return Results.Json(new { ids, status = 200 });
});
await server.StartAsync();
address = server.Urls.First();
var inngest = server.Services.GetRequiredService<IInngestClient>();

// 3. Send one typed event (its dedup id comes from the [Event] template), then a batch of two types.
var paid = new InvoicePaid("inv_42", 129.90m, "EUR", [new LineItem("plan-pro", 1, 129.90m)]);
var one = await inngest.SendAsync(paid);
var declined = new CardDeclined("cus_7", "insufficient_funds");
var batch = await inngest.SendAsync(
[
    new Event<InvoicePaid>(paid with { InvoiceId = "inv_43" }) { Ts = DateTimeOffset.UtcNow },
    new Event<CardDeclined>(declined) { Id = $"card-declined-{declined.CustomerId}-2024-06-01" },
]);

Console.WriteLine($"Sent {paid.GetType().Name} -> ids [{string.Join(", ", one.Ids)}]");
Console.WriteLine($"Sent a batch of 2 -> ids [{string.Join(", ", batch.Ids)}]");
Console.WriteLine("What the event API received:");
foreach (var json in received)
{
    Console.WriteLine("  " + json);
}

// 4. The generated serializer round-trips and matches System.Text.Json's web defaults byte for byte.
var generated = JsonSerializer.Serialize(paid, InvoicePaid.JsonTypeInfo);
var reference = JsonSerializer.Serialize(paid, new JsonSerializerOptions(JsonSerializerDefaults.Web));
var roundTrip = JsonSerializer.Deserialize(generated, InvoicePaid.JsonTypeInfo)!;

await server.StopAsync();

var ok = one.Ids.Count == 1
    && batch.Ids.Count == 2
    && received.Count == 3
    && received[0].Contains("\"id\":\"invoice-paid-inv_42\"", StringComparison.Ordinal)
    && received[2].Contains("\"v\":\"2024-01-15.1\"", StringComparison.Ordinal)
    && generated == reference
    && roundTrip.InvoiceId == paid.InvoiceId && roundTrip.Lines.SequenceEqual(paid.Lines);
Console.WriteLine(ok ? "Quickstart OK" : "Quickstart FAILED");
return ok ? 0 : 1;
