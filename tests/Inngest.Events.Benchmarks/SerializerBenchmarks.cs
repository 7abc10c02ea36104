using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using BenchmarkDotNet.Attributes;

namespace Inngest.Events.Benchmarks;

public enum Payload { Typical, Large }

/// <summary>Table 3: serialize into a reused buffer and writer, so the allocation column shows only per-op garbage.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class SerializeBenchmarks
{
    private readonly ArrayBufferWriter<byte> buffer = new(64 * 1024);
    private Utf8JsonWriter writer = null!;
    private InvoicePaid value = null!;
    private JsonTypeInfo<InvoicePaid> reflection = null!;

    [Params(Payload.Typical, Payload.Large)]
    public Payload Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        value = Payload == Payload.Typical ? SerializerData.Typical() : SerializerData.Large();
        writer = new Utf8JsonWriter(buffer);
        reflection = (JsonTypeInfo<InvoicePaid>)SerializerData.ReflectionOptions.GetTypeInfo(typeof(InvoicePaid));
        // All three must write the same bytes, or the comparison is meaningless.
        string a = Write(InvoicePaid.JsonTypeInfo), b = Write(StjContext.Default.InvoicePaid), c = Write(reflection);
        if (a != b || a != c)
        {
            throw new InvalidOperationException($"outputs differ:\n{a}\n{b}\n{c}");
        }
    }

    private string Write(JsonTypeInfo<InvoicePaid> info)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, info);
        writer.Flush();
        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    [Benchmark(Baseline = true, Description = "STJ source generator")]
    public int StjSourceGen() => Serialize(StjContext.Default.InvoicePaid);

    [Benchmark(Description = "Inngest generated")]
    public int Generated() => Serialize(InvoicePaid.JsonTypeInfo);

    [Benchmark(Description = "STJ reflection")]
    public int Reflection() => Serialize(reflection);

    /// <summary>
    /// The generated converter called without JsonSerializer's root handling, as the event client calls it: separates
    /// the cost of the generated code from what JsonSerializer adds around a value converter.
    /// </summary>
    [Benchmark(Description = "Inngest generated, converter direct")]
    public int GeneratedDirect()
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        ((System.Text.Json.Serialization.JsonConverter<InvoicePaid>)InvoicePaid.JsonTypeInfo.Converter).Write(writer, value, InvoicePaid.JsonTypeInfo.Options);
        writer.Flush();
        return buffer.WrittenCount;
    }

    private int Serialize(JsonTypeInfo<InvoicePaid> info)
    {
        buffer.ResetWrittenCount();
        writer.Reset(buffer);
        JsonSerializer.Serialize(writer, value, info);
        writer.Flush();
        return buffer.WrittenCount;
    }
}

/// <summary>Table 3: deserialize from UTF-8 bytes.</summary>
[MemoryDiagnoser]
[MedianColumn]
public class DeserializeBenchmarks
{
    private byte[] json = null!;
    private JsonTypeInfo<InvoicePaid> reflection = null!;

    [Params(Payload.Typical, Payload.Large)]
    public Payload Payload { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var value = Payload == Payload.Typical ? SerializerData.Typical() : SerializerData.Large();
        json = JsonSerializer.SerializeToUtf8Bytes(value, StjContext.Default.InvoicePaid);
        reflection = (JsonTypeInfo<InvoicePaid>)SerializerData.ReflectionOptions.GetTypeInfo(typeof(InvoicePaid));
        var generated = JsonSerializer.Deserialize(json, InvoicePaid.JsonTypeInfo)!;
        if (generated.InvoiceId != value.InvoiceId || generated.Lines?.Count != value.Lines?.Count)
        {
            throw new InvalidOperationException("the generated reader does not round-trip");
        }
    }

    [Benchmark(Baseline = true, Description = "STJ source generator")]
    public InvoicePaid? StjSourceGen() => JsonSerializer.Deserialize(json, StjContext.Default.InvoicePaid);

    [Benchmark(Description = "Inngest generated")]
    public InvoicePaid? Generated() => JsonSerializer.Deserialize(json, InvoicePaid.JsonTypeInfo);

    [Benchmark(Description = "STJ reflection")]
    public InvoicePaid? Reflection() => JsonSerializer.Deserialize(json, reflection);
}
