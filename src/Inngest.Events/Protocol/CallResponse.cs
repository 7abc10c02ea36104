using System.Buffers;
using System.Text.Json;

namespace Inngest.Events.Protocol;

/// <summary>
/// The answer to a call request (docs/protocol.md#call-responses): 200 with the function's result, 206 with ops,
/// or 400/500 with an error, plus the retry headers.
/// </summary>
public sealed record CallResponse
{
    /// <summary>The HTTP status: 200, 206, 400 or 500.</summary>
    public required int StatusCode { get; init; }

    /// <summary>The function's result, for 200.</summary>
    public JsonElement? Result { get; init; }

    /// <summary>The ops, for 206.</summary>
    public IReadOnlyList<StepOp> Ops { get; init; } = [];

    /// <summary>The error, for 400 and 500.</summary>
    public StepError? Error { get; init; }

    /// <summary>The <c>X-Inngest-No-Retry</c> header, when set.</summary>
    public bool? NoRetry { get; init; }

    /// <summary>The <c>Retry-After</c> header value, when set (seconds, or an RFC 3339 date).</summary>
    public string? RetryAfter { get; init; }

    /// <summary>A 200 response.</summary>
    internal static CallResponse Completed(JsonElement result) => new() { StatusCode = 200, Result = result };

    /// <summary>A 206 response.</summary>
    internal static CallResponse WithOps(IReadOnlyList<StepOp> ops, bool? noRetry = null, string? retryAfter = null)
        => new() { StatusCode = 206, Ops = ops, NoRetry = noRetry, RetryAfter = retryAfter };

    /// <summary>A 400 (non-retriable) or 500 (retriable) error response.</summary>
    internal static CallResponse Failed(StepError error, bool retriable, string? retryAfter = null)
        => new() { StatusCode = retriable ? 500 : 400, Error = error, NoRetry = !retriable, RetryAfter = retryAfter };

    /// <summary>The response body as JSON bytes.</summary>
    internal byte[] ToBody()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            switch (StatusCode)
            {
                case 200:
                    if (Result is { } result)
                    {
                        result.WriteTo(writer);
                    }
                    else
                    {
                        writer.WriteNullValue();
                    }

                    break;
                case 206:
                    writer.WriteStartArray();
                    foreach (var op in Ops)
                    {
                        op.WriteTo(writer);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    (Error ?? new StepError("Error", "Unknown error")).WriteTo(writer);
                    break;
            }
        }

        return buffer.WrittenSpan.ToArray();
    }
}
