using System.Text.Json.Serialization;

namespace Inngest.Events;

/// <summary>The error of a failed run, as system events carry it (design/inngest-protocol.md §6).</summary>
/// <param name="Error">The error as one line, <c>Name: message</c>.</param>
/// <param name="Name">The error's name, e.g. the exception type.</param>
/// <param name="Message">The error's message.</param>
/// <param name="Stack">The stack trace, when there is one.</param>
public sealed record FunctionError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("stack"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Stack = null);
