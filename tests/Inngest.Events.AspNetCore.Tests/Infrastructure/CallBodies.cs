using System.Buffers;

namespace Inngest.Events.AspNetCore.Tests.Infrastructure;

/// <summary>Call request bodies as Inngest sends them.</summary>
internal static class CallBodies
{
    public static readonly string OrderEvent = """{"name":"test/order.placed","data":{"orderId":"o1","amount":5},"id":"evt-1","ts":1735732800000,"user":{}}""";

    public static byte[] Create(string stepId = "step", int attempt = 0, int maxAttempts = 5, IReadOnlyDictionary<string, string>? steps = null, bool useApi = false, string runId = "run-1", string? evtJson = null)
    {
        var evt = JsonDocument.Parse(evtJson ?? OrderEvent).RootElement.Clone();
        var request = new CallRequest
        {
            Event = evt,
            Events = [evt],
            Steps = (steps ?? new Dictionary<string, string>()).ToDictionary(s => s.Key, s => JsonDocument.Parse(s.Value).RootElement.Clone()),
            Ctx = new CallContext { FnId = "fn-uuid", RunId = runId, StepId = stepId, Attempt = attempt, MaxAttempts = maxAttempts, Stack = (steps ?? new Dictionary<string, string>()).Keys.ToArray(), UseApi = useApi },
        };
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static string Query(string fnId, string stepId = "step") => $"fnId={Uri.EscapeDataString(fnId)}&stepId={Uri.EscapeDataString(stepId)}";
}
