namespace Inngest.Events.Engine.Apps;

/// <summary>A registered function as the dev server shows it: whose it is, what triggers it and its whole config.</summary>
/// <param name="AppId">The app it belongs to (the engine's own app id for the engine's functions).</param>
/// <param name="CompositeId">The id Inngest knows it by, <c>{appId}-{functionId}</c>.</param>
/// <param name="Definition">The function as the engine runs it (id, name, triggers, flow-control settings).</param>
/// <param name="Config">Its config JSON: as the app synced it, or as the engine's own function would sync.</param>
/// <param name="InProcess">True for the engine's own functions, called in memory rather than over HTTP.</param>
internal sealed record FunctionDescription(string AppId, string CompositeId, InngestFunctionDefinition Definition, string Config, bool InProcess);
