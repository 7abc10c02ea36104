using System.Text.Json;

namespace Inngest.Events.DevServer.Api;

/// <summary>The body of <c>POST /v1/cancellations</c>, read and checked as Inngest's server does.</summary>
internal sealed record CancellationRequest(string AppId, string FunctionId, DateTimeOffset? StartedAfter, DateTimeOffset? StartedBefore, string? If)
{
    /// <summary>Reads the body; false when it is not a JSON object of the right field types (Inngest's "Invalid cancellation request").</summary>
    public static bool TryParse(byte[] body, out CancellationRequest request)
    {
        request = new CancellationRequest(string.Empty, string.Empty, null, null, null);
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !TryString(root, "app_id", out var appId)
                || !TryString(root, "function_id", out var functionId)
                || !TryString(root, "if", out var condition)
                || !TryTime(root, "started_after", out var after)
                || !TryTime(root, "started_before", out var before))
            {
                return false;
            }

            request = new CancellationRequest(appId ?? string.Empty, functionId ?? string.Empty, after, before, condition);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Every rule the request breaks, in Inngest's words (empty when it is valid).</summary>
    public IReadOnlyList<string> Validate(DateTimeOffset now)
    {
        var problems = new List<string>();
        if (AppId.Length == 0)
        {
            problems.Add("app_id is required");
        }

        if (FunctionId.Length == 0)
        {
            problems.Add("function_id is required");
        }

        if (StartedBefore is not { } before)
        {
            problems.Add("started_before is required");
        }
        else if (before > now.AddSeconds(5))
        {
            problems.Add("started_before must be in the past");
        }

        if (StartedAfter is { } after && StartedBefore is { } end && after > end)
        {
            problems.Add("started_after must be before started_before");
        }

        return problems;
    }

    private static bool TryString(JsonElement root, string name, out string? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        return value is not null;
    }

    private static bool TryTime(JsonElement root, string name, out DateTimeOffset? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        if (element.ValueKind == JsonValueKind.String && ApiTime.TryParse(element.GetString(), out var time))
        {
            value = time;
            return true;
        }

        return false;
    }
}
