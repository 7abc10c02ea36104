namespace Inngest.Events.Interop.Tests.Executor;

/// <summary>The fixed events of the scenarios.</summary>
internal static class ScenarioEvents
{
    public static JsonElement SignedUp { get; } = Json("""{"name":"test/user.signed_up","data":{"userId":"u1","plan":"pro"},"id":"evt-signup-1","ts":1717000000000,"user":{}}""");

    public static JsonElement EmailConfirmed { get; } = Json("""{"name":"test/email.confirmed","data":{"userId":"u1"},"id":"evt-confirm-1","ts":1717000060000,"user":{}}""");

    public static JsonElement Json(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static JsonElement Json(JsonNode? node) => Json(node?.ToJsonString() ?? "null");
}
