using System.Buffers;
using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary>A response of the endpoint before the protocol headers every response carries are added.</summary>
internal sealed record ServeResponse(int StatusCode, byte[] Body)
{
    /// <summary>Headers beyond <c>X-Inngest-SDK</c>, <c>X-Inngest-Req-Version</c> and <c>Content-Type</c>.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];

    public static ServeResponse Json(int statusCode, Action<Utf8JsonWriter> write, params KeyValuePair<string, string>[] headers)
        => new(statusCode, Write(write)) { Headers = headers };

    /// <summary><c>{"message": ...}</c>, the shape of the official SDKs' 401 and sync replies.</summary>
    public static ServeResponse Message(int statusCode, string message)
        => Json(statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("message", message);
            writer.WriteEndObject();
        });

    public static ServeResponse Unauthorized() => Message(401, "Unauthorized");

    /// <summary>An error as a function error body (<c>{"name","message"}</c>) with <c>X-Inngest-No-Retry</c>.</summary>
    public static ServeResponse Error(int statusCode, string name, string message, bool noRetry)
        => new(statusCode, Write(writer => new StepError(name, message).WriteTo(writer)))
        {
            Headers = [new(InngestHeaders.NoRetry, noRetry ? "true" : "false")],
        };

    public static byte[] Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
