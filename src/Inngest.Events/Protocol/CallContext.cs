using System.Text.Json;

namespace Inngest.Events.Protocol;

/// <summary>The <c>ctx</c> of a call request.</summary>
public sealed record CallContext
{
    /// <summary>The executor's id of the function.</summary>
    public string? FnId { get; init; }

    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The environment.</summary>
    public string? Env { get; init; }

    /// <summary>The requested step: <c>step</c> to discover, or a hashed step id to run exactly that step.</summary>
    public string StepId { get; init; } = StepIds.Discovery;

    /// <summary>The zero-based attempt of this queue item.</summary>
    public int Attempt { get; init; }

    /// <summary>The number of attempts this queue item gets.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Hashed ids of memoized steps in the order they completed.</summary>
    public IReadOnlyList<string> Stack { get; init; } = [];

    /// <summary>True once the run reported parallel steps: every step is then planned before it runs.</summary>
    public bool DisableImmediateExecution { get; init; }

    /// <summary>True when the state is too large to send and must be fetched from the API.</summary>
    public bool UseApi { get; init; }

    internal static CallContext Parse(JsonElement ctx)
    {
        string? Text(string name) => ctx.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        int Number(string name, int fallback) => ctx.TryGetProperty(name, out var v) && v.TryGetInt32(out var n) ? n : fallback;
        bool Flag(string name) => ctx.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
        var stack = new List<string>();
        if (ctx.TryGetProperty("stack", out var s) && s.ValueKind == JsonValueKind.Object
            && s.TryGetProperty("stack", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    stack.Add(item.GetString()!);
                }
            }
        }

        return new CallContext
        {
            FnId = Text("fn_id"),
            RunId = Text("run_id") ?? string.Empty,
            Env = Text("env"),
            StepId = Text("step_id") ?? StepIds.Discovery,
            Attempt = Number("attempt", 0),
            MaxAttempts = Number("max_attempts", 5),
            Stack = stack,
            DisableImmediateExecution = Flag("disable_immediate_execution"),
            UseApi = Flag("use_api"),
        };
    }

    internal void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        if (FnId is not null)
        {
            writer.WriteString("fn_id", FnId);
        }

        writer.WriteString("run_id", RunId);
        writer.WriteString("env", Env ?? string.Empty);
        writer.WriteString("step_id", StepId);
        writer.WriteNumber("attempt", Attempt);
        writer.WriteNumber("max_attempts", MaxAttempts);
        writer.WriteStartObject("stack");
        writer.WriteStartArray("stack");
        foreach (var id in Stack)
        {
            writer.WriteStringValue(id);
        }

        writer.WriteEndArray();
        writer.WriteNumber("current", Stack.Count);
        writer.WriteEndObject();
        writer.WriteBoolean("disable_immediate_execution", DisableImmediateExecution);
        writer.WriteBoolean("use_api", UseApi);
        writer.WriteEndObject();
    }
}
