using System.Buffers;
using System.Text.Json;
using BenchmarkDotNet.Attributes;

namespace Inngest.Events.Benchmarks;

/// <summary>
/// Table 4: preparing 10,000 events for sending (validate, serialize, split into ≤ 512 KiB requests) against writing
/// the same wire bytes in one plain serialization pass. The splitter is called directly because the split happens in
/// the HTTP transport; a no-op transport would measure only validate + serialize.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class EventClientBenchmarks
{
    private const int Count = 10_000;
    private InngestEvent[] events = null!;
    private InngestClient client = null!;

    [GlobalSetup]
    public void Setup()
    {
        var ts = new DateTimeOffset(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);
        events = Enumerable.Range(0, Count)
            .Select(i => (InngestEvent)new Event<InvoicePaid>(SerializerData.Typical() with { InvoiceId = $"inv_{i}" }) { Id = $"invoice-paid-inv_{i}", Ts = ts })
            .ToArray();
        client = new InngestClient(new NoOpTransport());
        if (Prepare() < 2)
        {
            throw new InvalidOperationException("expected more than one request");
        }

        var serialized = EventBatchWriter.Write(events, InngestOptions.DefaultMaxEventSizeBytes);
        int wire = 0;
        for (int i = 0; i < serialized.Count; i++)
        {
            wire += serialized.GetJson(i).Length + (i > 0 ? 1 : 0);
        }

        if (wire != SerializeOnly())
        {
            throw new InvalidOperationException("the baseline does not write the same bytes");
        }
    }

    /// <summary>The same bytes the client writes (comma-separated envelopes), in one pass, no validation, no split.</summary>
    [Benchmark(Baseline = true, Description = "serialize only")]
    public int SerializeOnly()
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Max(256, Count * 128));
        using var writer = new Utf8JsonWriter(buffer);
        for (int i = 0; i < events.Length; i++)
        {
            var evt = (Event<InvoicePaid>)events[i];
            if (i > 0)
            {
                buffer.Write(","u8);
            }

            writer.WriteStartObject();
            writer.WriteString("name"u8, evt.Name);
            writer.WritePropertyName("data"u8);
            JsonSerializer.Serialize(writer, evt.Data, InvoicePaid.JsonTypeInfo);
            writer.WriteString("id"u8, evt.Id);
            writer.WriteNumber("ts"u8, evt.Ts!.Value.ToUnixTimeMilliseconds());
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
        }

        return buffer.WrittenCount;
    }

    [Benchmark(Description = "validate + serialize + split")]
    public int Prepare()
    {
        SerializedEvents serialized = EventBatchWriter.Write(events, InngestOptions.DefaultMaxEventSizeBytes);
        return EventRequestSplitter.Split(serialized, InngestOptions.DefaultMaxRequestBodyBytes, InngestOptions.DefaultMaxEventsPerRequest).Count;
    }

    [Benchmark(Description = "InngestClient.SendAsync, no-op transport")]
    public Task<SendEventsResult> ClientSend() => client.SendAsync(events);

    private sealed class NoOpTransport : IEventTransport
    {
        private static readonly SendEventsResult Empty = new([]);

        public Task<SendEventsResult> SendAsync(SerializedEvents events, CancellationToken cancellationToken) => Task.FromResult(Empty);
    }
}
