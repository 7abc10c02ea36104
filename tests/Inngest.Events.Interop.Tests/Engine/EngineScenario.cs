using Inngest.Events.Engine;

namespace Inngest.Events.Interop.Tests.Engine;

/// <summary>
/// One scenario of the engine leg: a <c>test/user.signed_up</c> event for a user of its own (every function with that
/// trigger starts, so each scenario's runs are told apart by <see cref="UserId"/>), then, once the engine is idle, an
/// optional second event (the one a wait matches, or the one that cancels), then the engine runs and moves its clock
/// from timer to timer until the scenario's run has ended.
/// </summary>
internal sealed record EngineScenario(string Name, string FunctionId, string UserId, RunStatus Expected)
{
    /// <summary>The event sent once the triggered runs are idle, or null.</summary>
    public JsonObject? Then { get; init; }

    /// <summary>The trigger, with a fixed id and time so both engines deliver the same event object.</summary>
    public JsonObject Trigger => new()
    {
        ["name"] = "test/user.signed_up",
        ["data"] = new JsonObject { ["userId"] = UserId, ["plan"] = "free" },
        ["id"] = $"evt-signup-{UserId}",
        ["ts"] = 1717000000000,
    };

    public static JsonObject EmailConfirmed(string userId) => new()
    {
        ["name"] = "test/email.confirmed",
        ["data"] = new JsonObject { ["userId"] = userId },
        ["id"] = $"evt-confirm-{userId}",
        ["ts"] = 1717000060000,
    };

    public static JsonObject UserDeleted(string userId) => new()
    {
        ["name"] = "test/user.deleted",
        ["data"] = new JsonObject { ["userId"] = userId },
        ["id"] = $"evt-deleted-{userId}",
        ["ts"] = 1717000120000,
    };

    public override string ToString() => Name;
}
