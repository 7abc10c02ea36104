using System.Text.Json;

namespace Inngest.Events.Protocol;

/// <summary>
/// One operation of a 206 response (docs/protocol.md#ops): what a function call found or did.
/// </summary>
public sealed record StepOp
{
    /// <summary>The op code (<see cref="OpCodes"/>).</summary>
    public required string Op { get; init; }

    /// <summary>The hashed step id.</summary>
    public required string Id { get; init; }

    /// <summary>The user's step id.</summary>
    public string? Name { get; init; }

    /// <summary>The display name.</summary>
    public string? DisplayName { get; init; }

    /// <summary>Op-specific options (duration, event, timeout, if, function_id, payload, type).</summary>
    public JsonElement? Opts { get; init; }

    /// <summary>The step's result, for <see cref="OpCodes.StepRun"/>.</summary>
    public JsonElement? Data { get; init; }

    /// <summary>The error, for <see cref="OpCodes.StepError"/> and <see cref="OpCodes.StepFailed"/>.</summary>
    public StepError? Error { get; init; }

    /// <summary>The user's step id and, for repeats, its index.</summary>
    public string? UserlandId { get; init; }

    /// <summary>The repeat index of a step id used more than once.</summary>
    public int? UserlandIndex { get; init; }

    /// <summary>Writes the op object.</summary>
    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("id", Id);
        writer.WriteString("op", Op);
        if (Name is not null)
        {
            writer.WriteString("name", Name);
        }

        if (DisplayName is not null)
        {
            writer.WriteString("displayName", DisplayName);
        }

        if (Opts is { } opts)
        {
            writer.WritePropertyName("opts");
            opts.WriteTo(writer);
        }

        if (Data is { } data)
        {
            writer.WritePropertyName("data");
            data.WriteTo(writer);
        }
        else if (Op == OpCodes.StepRun)
        {
            writer.WriteNull("data");
        }

        if (Error is not null)
        {
            writer.WritePropertyName("error");
            Error.WriteTo(writer);
        }

        if (UserlandId is not null)
        {
            writer.WriteStartObject("userland");
            writer.WriteString("id", UserlandId);
            if (UserlandIndex is { } index)
            {
                writer.WriteNumber("index", index);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads an op object.</summary>
    internal static StepOp Parse(JsonElement element)
    {
        string? Text(string name) => element.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        JsonElement? Element(string name) => element.TryGetProperty(name, out var v) ? v.Clone() : null;
        string? userlandId = null;
        int? userlandIndex = null;
        if (element.TryGetProperty("userland", out var userland) && userland.ValueKind == JsonValueKind.Object)
        {
            userlandId = userland.TryGetProperty("id", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            userlandIndex = userland.TryGetProperty("index", out var i) && i.TryGetInt32(out var n) ? n : null;
        }

        return new StepOp
        {
            Op = Text("op") ?? throw new JsonException("An op has no 'op'."),
            Id = Text("id") ?? string.Empty,
            Name = Text("name"),
            DisplayName = Text("displayName"),
            Opts = Element("opts"),
            Data = Element("data"),
            Error = element.TryGetProperty("error", out var e) && e.ValueKind != JsonValueKind.Null ? StepError.Parse(e) : null,
            UserlandId = userlandId,
            UserlandIndex = userlandIndex,
        };
    }
}
