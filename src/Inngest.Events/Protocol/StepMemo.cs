using System.Text.Json;
using Inngest.Events.Serialization;

namespace Inngest.Events.Protocol;

/// <summary>
/// A memoized step result as a call request's <c>steps</c> carries it (docs/protocol.md#memoized-steps): the
/// executor encodes what a step produced, the runner decodes it on every later call.
/// </summary>
/// <param name="Kind">What the stored value means.</param>
/// <param name="Value">The value, for <see cref="StepMemoKind.Value"/>.</param>
/// <param name="Error">The error, for <see cref="StepMemoKind.Error"/>.</param>
internal readonly record struct StepMemo(StepMemoKind Kind, JsonElement Value, StepError? Error)
{
    private const string DataProperty = "data";
    private const string ErrorProperty = "error";
    private const string InputProperty = "input";

    /// <summary>A step that has no result yet.</summary>
    public static StepMemo Pending => new(StepMemoKind.Pending, default, null);

    /// <summary>A step's result, <c>{"data": value}</c> (run steps, sendEvent steps, invokes that returned).</summary>
    public static JsonElement EncodeData(JsonElement value)
        => JsonElements.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName(DataProperty);
            value.WriteTo(writer);
            writer.WriteEndObject();
        });

    /// <summary>A step's final error, <c>{"error": {"name","message","stack"?}}</c>.</summary>
    public static JsonElement EncodeError(StepError error) => EncodeError(writer => error.WriteTo(writer));

    /// <summary>An invoked run's error, <c>{"error": {"error","name","message","stack"?}}</c>, as its <c>inngest/function.finished</c> carries it.</summary>
    public static JsonElement EncodeError(FunctionError error)
        => EncodeError(writer => JsonSerializer.Serialize(writer, error, SystemEventJson.Default.FunctionError));

    /// <summary>
    /// Reads a stored value: an object with only <c>data</c> is a result, with only <c>error</c> a final error, with
    /// only <c>input</c> a step that has not run yet; anything else (<c>null</c> after a sleep, the event a wait
    /// received) is the value itself.
    /// </summary>
    public static StepMemo Decode(JsonElement stored)
    {
        if (stored.ValueKind == JsonValueKind.Object)
        {
            string? only = null;
            var count = 0;
            foreach (var property in stored.EnumerateObject())
            {
                only = property.Name;
                count++;
            }

            if (count == 1)
            {
                switch (only)
                {
                    case DataProperty:
                        return new StepMemo(StepMemoKind.Value, stored.GetProperty(DataProperty), null);
                    case ErrorProperty:
                        return new StepMemo(StepMemoKind.Error, default, StepError.Parse(stored.GetProperty(ErrorProperty)));
                    case InputProperty:
                        return Pending;
                }
            }
        }

        return new StepMemo(StepMemoKind.Value, stored, null);
    }

    private static JsonElement EncodeError(Action<Utf8JsonWriter> writeError)
        => JsonElements.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WritePropertyName(ErrorProperty);
            writeError(writer);
            writer.WriteEndObject();
        });
}
