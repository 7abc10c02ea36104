using System.Text;
using System.Text.Json;
using Xunit;
using Xunit.Sdk;

namespace Inngest.Events.Tests.Serialization;

/// <summary>
/// The oracle: System.Text.Json's reflection serializer with web defaults (writing) and with web defaults and strict
/// number reading (reading), and comparisons against it. A member or type with
/// [JsonNumberHandling(AllowReadingFromString)] reads numbers from strings in both.
/// </summary>
internal static class Differential
{
    /// <summary>What <see cref="IEventData{TSelf}.JsonTypeInfo"/> must write like.</summary>
    public static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>What <see cref="IEventData{TSelf}.JsonTypeInfo"/> must read like: numbers are JSON numbers unless a member or type asks for more.</summary>
    public static readonly JsonSerializerOptions Reading = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict,
    };

    /// <summary>Serializes with both and fails, showing both, unless the UTF-8 bytes are identical.</summary>
    public static string AssertSameJson<T>(T value, string context = "")
        where T : IEventData<T>
    {
        var ours = JsonSerializer.SerializeToUtf8Bytes(value, T.JsonTypeInfo);
        var expected = JsonSerializer.SerializeToUtf8Bytes(value, Web);
        if (!ours.AsSpan().SequenceEqual(expected))
        {
            throw new XunitException(
                $"Generated JSON differs from System.Text.Json{context}.{Environment.NewLine}" +
                $"generated:        {Encoding.UTF8.GetString(ours)}{Environment.NewLine}" +
                $"System.Text.Json: {Encoding.UTF8.GetString(expected)}");
        }

        return Encoding.UTF8.GetString(ours);
    }

    /// <summary>Deserializes with the generated type info through the string, span and stream entry points.</summary>
    public static T? ReadAllWays<T>(string json, Func<T?, string> describe)
        where T : IEventData<T>
    {
        var fromString = JsonSerializer.Deserialize(json, T.JsonTypeInfo);
        var bytes = Encoding.UTF8.GetBytes(json);
        var fromSpan = JsonSerializer.Deserialize(bytes.AsSpan(), T.JsonTypeInfo);
        var fromStream = JsonSerializer.Deserialize(new MemoryStream(bytes), T.JsonTypeInfo);
        var fromTrickle = JsonSerializer.Deserialize(new TrickleStream(bytes), T.JsonTypeInfo);
        var a = describe(fromString);
        Assert.Equal(a, describe(fromSpan));
        Assert.Equal(a, describe(fromStream));
        Assert.Equal(a, describe(fromTrickle));
        return fromString;
    }

    /// <summary>Deserializes with both and fails unless the values re-serialize (with System.Text.Json) alike.</summary>
    public static T? AssertSameRead<T>(string json)
        where T : IEventData<T>
    {
        var expected = JsonSerializer.Deserialize<T>(json, Reading);
        var ours = ReadAllWays<T>(json, static v => JsonSerializer.Serialize(v, Web));
        Assert.Equal(JsonSerializer.Serialize(expected, Web), JsonSerializer.Serialize(ours, Web));
        return ours;
    }

    /// <summary>Describes a value read in a test, NaN and infinities included.</summary>
    public static readonly JsonSerializerOptions Describing = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Reads <paramref name="utf8"/> with System.Text.Json's reflection serializer and with the generated type info
    /// (through the string, span and stream entry points), and fails unless they agree: the same value, or the same
    /// exception type with the same <see cref="JsonException.Path"/>. Returns System.Text.Json's exception, if any.
    /// </summary>
    /// <remarks>
    /// System.Text.Json's own paths for input that ends early differ between its span and stream entry points (the
    /// span one drops the last segment where the input ends inside a nested object or array, or a property's value);
    /// the generated reader's path must be one of the two.
    /// </remarks>
    public static Exception? AssertSameOutcome<T>(byte[] utf8)
        where T : IEventData<T>
    {
        object? expected = null;
        var expectedError = Catch(() => expected = JsonSerializer.Deserialize<T>(utf8, Reading));
        var streamPath = (Catch(() => JsonSerializer.Deserialize<T>(new MemoryStream(utf8), Reading)) as JsonException)?.Path;
        foreach (var (entry, read) in EntryPoints<T>(utf8))
        {
            object? actual = null;
            var error = Catch(() => actual = read());
            var where = $" ({entry}) for {Encoding.UTF8.GetString(utf8)}";
            if (expectedError is null)
            {
                if (error is not null)
                {
                    throw new XunitException($"System.Text.Json read the JSON, the generated reader threw{where}:{Environment.NewLine}{error}");
                }

                Assert.Equal(Describe(expected), Describe(actual));
            }
            else
            {
                if (error is null)
                {
                    throw new XunitException($"System.Text.Json threw {expectedError.GetType().Name} ({expectedError.Message}), the generated reader read {Describe(actual)}{where}");
                }

                if (error.GetType() != expectedError.GetType())
                {
                    throw new XunitException($"System.Text.Json threw {expectedError.GetType().Name} ({expectedError.Message}), the generated reader threw{where}:{Environment.NewLine}{error}");
                }

                if (expectedError is JsonException e && error is JsonException a && e.Path != a.Path && streamPath != a.Path)
                {
                    throw new XunitException($"Paths differ{where}: System.Text.Json {e.Path} (from a stream {streamPath}), generated {a.Path}.{Environment.NewLine}{e.Message}{Environment.NewLine}{a.Message}");
                }
            }
        }

        return expectedError;
    }

    /// <inheritdoc cref="AssertSameOutcome{T}(byte[])"/>
    public static Exception? AssertSameOutcome<T>(string json)
        where T : IEventData<T>
        => AssertSameOutcome<T>(Encoding.UTF8.GetBytes(json));

    /// <summary>The generated type info's entry points; the string one only when the bytes are valid UTF-8.</summary>
    public static IEnumerable<(string Name, Func<T?> Read)> EntryPoints<T>(byte[] utf8)
        where T : IEventData<T>
    {
        if (IsValidUtf8(utf8))
        {
            var text = Encoding.UTF8.GetString(utf8);
            yield return ("string", () => JsonSerializer.Deserialize(text, T.JsonTypeInfo));
        }

        yield return ("span", () => JsonSerializer.Deserialize(utf8.AsSpan(), T.JsonTypeInfo));
        yield return ("stream", () => JsonSerializer.Deserialize(new MemoryStream(utf8), T.JsonTypeInfo));
        yield return ("one-byte stream", () => JsonSerializer.Deserialize(new TrickleStream(utf8), T.JsonTypeInfo));
        yield return ("async stream", () => JsonSerializer.DeserializeAsync(new TrickleStream(utf8), T.JsonTypeInfo).AsTask().GetAwaiter().GetResult());
    }

    /// <summary>A stream that returns one byte per read, so System.Text.Json must buffer a value across many reads.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, 1));

        public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, 1)]);

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            => base.ReadAsync(buffer, offset, Math.Min(count, 1), cancellationToken);

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
            => base.ReadAsync(buffer[..Math.Min(buffer.Length, 1)], cancellationToken);
    }

    private static bool IsValidUtf8(byte[] utf8) => System.Text.Unicode.Utf8.IsValid(utf8);

    private static string Describe(object? value)
    {
        try
        {
            return JsonSerializer.Serialize(value, Describing);
        }
        catch (Exception exception)
        {
            return $"<{exception.GetType().Name}>";
        }
    }

    /// <summary>Runs <paramref name="action"/> and returns its exception (or null).</summary>
    public static Exception? Catch(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
