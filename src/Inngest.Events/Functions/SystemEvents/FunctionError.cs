using System.Text.Json.Serialization;
using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary>The error of a failed run, as system events carry it (docs/protocol.md#system-events).</summary>
/// <param name="Error">The error as one line, <c>Name: message</c>.</param>
/// <param name="Name">The error's name, e.g. the exception type.</param>
/// <param name="Message">The error's message.</param>
/// <param name="Stack">The stack trace, when there is one.</param>
public sealed record FunctionError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("stack"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Stack = null)
{
    /// <summary>The system-event form of a step or function error.</summary>
    internal static FunctionError From(StepError error) => new($"{error.Name}: {error.Message}", error.Name, error.Message, error.Stack);
}
