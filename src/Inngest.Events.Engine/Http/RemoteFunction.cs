namespace Inngest.Events.Engine.Http;

/// <summary>A function an app serves over HTTP, as its sync described it.</summary>
/// <param name="Definition">The function as the engine runs it (its handler is never called).</param>
/// <param name="CompositeId">The id Inngest knows it by (<c>{appId}-{id}</c>), from the sync.</param>
/// <param name="StepUrl">The URL to call, from <c>steps.step.runtime.url</c>.</param>
/// <param name="Config">The function's config JSON as synced, to tell whether a later sync changed it.</param>
/// <param name="AppId">The id of the app that synced it.</param>
internal sealed record RemoteFunction(InngestFunctionDefinition Definition, string CompositeId, Uri StepUrl, string Config, string AppId);
