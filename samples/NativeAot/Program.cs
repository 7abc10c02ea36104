using System.Diagnostics;
using System.Text.Json;
using Inngest.Events;
using Inngest.Events.Engine;
using Inngest.Events.Generated;
using Microsoft.Extensions.DependencyInjection;
using NativeAot;

// Runs as a Native AOT binary in CI (see NativeAot.csproj): every check below must hold, or it exits with 1.
var clock = Stopwatch.StartNew();
var failures = new List<string>();
void Expect<T>(T actual, T expected, string what)
{
    if (!EqualityComparer<T>.Default.Equals(actual, expected))
    {
        failures.Add($"{what}: expected {expected}, got {actual}");
    }
}

// 1. A typed send through the HTTP client to a loopback event API: the wire JSON is what the generated serializer wrote.
await using (var api = new LoopbackEventApi())
{
    var services = new ServiceCollection();
    services.AddInngest(options =>
    {
        options.AppId = "native-aot";
        options.IsDev = true;
        options.EventKey = "aot-key";
        options.EventApiBaseUrl = api.BaseUrl;
    });
    await using var provider = services.BuildServiceProvider();
    var client = provider.GetRequiredService<IInngestClient>();
    var sent = await client.SendAsync(
        new OrderPlaced("o-1", "sku-7", 2, 59.90m),
        new EventOptions { Ts = DateTimeOffset.FromUnixTimeMilliseconds(1_767_225_600_000) });

    Expect(string.Join(",", sent.Ids), "01AOT000000", "ids returned by the send");
    Expect(api.Requests.Count, 1, "requests the event API received");
    if (api.Requests is [var request])
    {
        Expect($"{request.Method} {request.Path}", "POST /e/aot-key", "request line");
        using var body = JsonDocument.Parse(request.Body);
        if (body.RootElement is { ValueKind: JsonValueKind.Array } events && events.GetArrayLength() == 1)
        {
            var evt = events[0];
            Expect(evt.GetProperty("name").GetString(), "shop/order.placed", "event name");
            Expect(evt.GetProperty("id").GetString(), "order-placed-o-1", "event id from the [Event] template");
            Expect(evt.GetProperty("ts").GetInt64(), 1_767_225_600_000, "event ts (unix ms)");
            Expect(evt.GetProperty("data").GetRawText(), """{"orderId":"o-1","sku":"sku-7","quantity":2,"total":59.90}""", "event data");
        }
        else
        {
            failures.Add($"the request body is not an array of one event: {request.Body}");
        }

        Console.WriteLine($"Sent to the loopback event API: {request.Body}");
    }
}

// 2. Two functions with several steps on the embedded engine: run steps with a record result, a send, a wait.
{
    var services = new ServiceCollection();
    services.AddInngest(options => options.AppId = "native-aot")
        .UseEmbeddedEngine()
        .AddFunctions();
    await using var provider = services.BuildServiceProvider();
    var engine = provider.GetRequiredService<InngestEngine>();
    var inngest = provider.GetRequiredService<IInngestClient>();
    await inngest.SendAsync(new OrderPlaced("o-2", "sku-9", 3, 12.50m));
    using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    await engine.RunUntilIdleAsync(guard.Token);

    foreach (var run in engine.Runs.OrderBy(r => r.CreatedAt))
    {
        Console.WriteLine($"  {run.FunctionId,-14} {run.Status,-10} steps: {string.Join(", ", run.Steps.Select(s => s.Name))}");
    }

    var fulfil = engine.Runs.SingleOrDefault(r => r.FunctionId == "fulfil-order");
    var receipt = engine.Runs.SingleOrDefault(r => r.FunctionId == "send-receipt");
    Expect(engine.Runs.Count, 2, "runs");
    Expect(fulfil?.Status, RunStatus.Completed, "fulfil-order status");
    Expect(receipt?.Status, RunStatus.Completed, "send-receipt status");
    Expect(
        fulfil?.Result?.GetString(),
        "o-2 x3 sku-9 until 2030-01-31, ch_o-2_12.50, 30 points, receipt msg_o-2",
        "fulfil-order result");
    Expect(
        string.Join(",", fulfil?.Steps.Select(s => s.Name) ?? []),
        "reserve-stock,charge-card,loyalty-points,announce-fulfilled,wait-receipt",
        "fulfil-order steps");
    Expect(string.Join(",", receipt?.Steps.Select(s => s.Name) ?? []), "send-email,confirm-receipt", "send-receipt steps");
}

Console.WriteLine(failures.Count == 0
    ? $"NativeAot OK in {clock.ElapsedMilliseconds} ms ({(System.Runtime.CompilerServices.RuntimeFeature.IsDynamicCodeSupported ? "JIT" : "native AOT")})"
    : "NativeAot FAILED:\n  " + string.Join("\n  ", failures));
return failures.Count == 0 ? 0 : 1;
