using Inngest.Events.Interop.Tests.Infrastructure;
using System.Buffers;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using Inngest.Events.Benchmarks.Workloads;
using Inngest.Events.Protocol;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 7: the same call requests answered by our <c>MapInngest</c> endpoint (Kestrel, this process) and by the official
/// JS SDK's <c>inngest/node</c> handler (<c>node tests/interop-js/bench.mjs</c>, started here), both on loopback in dev
/// mode, sent by one <see cref="HttpClient"/>. The function runs 100 steps in a row. <b>Memoized = 0</b>: a fresh run, the
/// SDK runs step 0 and answers 206; <b>Memoized = 100</b>: every step's result is in the request, the SDK replays them
/// and answers 200 with 4950 (GlobalSetup checks both SDKs' answers). Each invocation sends <see cref="Requests"/>
/// requests over <see cref="Concurrency"/> connections; times are per request, and Requests/s = 1 s / median.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByParams)]
public class ServeBenchmarks
{
    public const int Requests = 32;

    private HttpClient http = null!;
    private DotnetServeApp dotnet = null!;
    private JsSdkProcess js = null!;
    private byte[] body = null!;

    [Params(0, 100)]
    public int Memoized { get; set; }

    [Params(1, 8)]
    public int Concurrency { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false, PooledConnectionLifetime = Timeout.InfiniteTimeSpan });
        dotnet = await DotnetServeApp.StartAsync();
        js = await JsSdkProcess.StartAsync(await NodeTooling.EnsureInstalledAsync(), new Dictionary<string, string> { ["NODE_ENV"] = "production" }, "bench.mjs");
        body = CallBody(Memoized);
        await CheckAsync(dotnet.ServeUrl, "MapInngest");
        await CheckAsync(js.ServeUrl, "JS SDK");
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        http?.Dispose();
        if (js is not null)
        {
            await js.DisposeAsync();
        }

        if (dotnet is not null)
        {
            await dotnet.DisposeAsync();
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Requests, Description = "JS SDK (inngest/node)")]
    public Task<int> JsSdk() => SendManyAsync(js.ServeUrl);

    [Benchmark(OperationsPerInvoke = Requests, Description = "MapInngest (Kestrel)")]
    public Task<int> MapInngest() => SendManyAsync(dotnet.ServeUrl);

    private async Task<int> SendManyAsync(Uri serveUrl)
    {
        var workers = new Task<int>[Concurrency];
        for (int w = 0; w < workers.Length; w++)
        {
            int share = Requests / Concurrency + (w < Requests % Concurrency ? 1 : 0);
            workers[w] = SendSequentiallyAsync(serveUrl, share);
        }

        int bytes = 0;
        foreach (int b in await Task.WhenAll(workers))
        {
            bytes += b;
        }

        return bytes;
    }

    private async Task<int> SendSequentiallyAsync(Uri serveUrl, int count)
    {
        int bytes = 0;
        for (int i = 0; i < count; i++)
        {
            var (status, answer) = await SendAsync(serveUrl);
            bytes += answer.Length + status;
        }

        return bytes;
    }

    private async Task<(int Status, byte[] Body)> SendAsync(Uri serveUrl)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, new Uri(serveUrl + "?fnId=bench-steps&stepId=step"))
        {
            Content = new ByteArrayContent(body),
        };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        message.Headers.TryAddWithoutValidation("X-Inngest-Server-Kind", "dev");
        message.Headers.TryAddWithoutValidation("X-Run-ID", "run-1");
        using var response = await http.SendAsync(message);
        return ((int)response.StatusCode, await response.Content.ReadAsByteArrayAsync());
    }

    private async Task CheckAsync(Uri serveUrl, string name)
    {
        var (status, answer) = await SendAsync(serveUrl);
        string text = Encoding.UTF8.GetString(answer);
        bool ok = Memoized == 0
            ? status == 206 && text.Contains("StepRun", StringComparison.Ordinal) && text.Contains(StepIds.Hash("step-0"), StringComparison.Ordinal)
            : status == 200 && text.Trim() == (DotnetServeApp.Steps * (DotnetServeApp.Steps - 1) / 2).ToString(CultureInfo.InvariantCulture);
        if (!ok)
        {
            throw new InvalidOperationException($"{name} answered {status} {text} to a call with {Memoized} memoized steps.{(name == "JS SDK" ? "\nnode output:\n" + js.Log : string.Empty)}");
        }

        Console.WriteLine($"// {name}, {Memoized} memoized: {status} {(text.Length > 200 ? text[..200] + "..." : text)}");
    }

    /// <summary>The call request Inngest sends (dev mode): the trigger event, the first <paramref name="memoized"/> step results and their stack.</summary>
    private static byte[] CallBody(int memoized)
    {
        var evt = JsonDocument.Parse("""{"name":"bench/order.placed","data":{"orderId":"o1","amount":5},"id":"evt-1","ts":1735732800000,"user":{}}""").RootElement.Clone();
        var steps = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var stack = new List<string>();
        for (int i = 0; i < memoized; i++)
        {
            string hash = StepIds.Hash($"step-{i}");
            steps[hash] = JsonDocument.Parse($$"""{"data":{{i}}}""").RootElement.Clone();
            stack.Add(hash);
        }

        var request = new CallRequest
        {
            Event = evt,
            Events = [evt],
            Steps = steps,
            Ctx = new CallContext { FnId = "fn-uuid", RunId = "run-1", StepId = "step", Attempt = 0, MaxAttempts = 4, Stack = stack.ToArray() },
        };
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new TextColumn(
            "Requests/s",
            "1 s / median time per request",
            isNumeric: true,
            static (summary, benchmarkCase) => summary[benchmarkCase]?.ResultStatistics is { Median: > 0 } stats
                ? (1e9 / stats.Median).ToString("N0", CultureInfo.InvariantCulture)
                : "-"));
    }
}
