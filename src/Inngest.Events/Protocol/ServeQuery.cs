namespace Inngest.Events.Protocol;

/// <summary>The query parameters of a serve URL (docs/protocol.md#the-serve-endpoint).</summary>
internal static class ServeQuery
{
    /// <summary>The composite id of the function a call request is for.</summary>
    public const string FunctionId = "fnId";

    /// <summary>The step a call request asks for: <see cref="StepIds.Discovery"/>, or a hashed step id.</summary>
    public const string StepId = "stepId";

    /// <summary>On a POST: the kind of probe (<c>trust</c>) instead of a call.</summary>
    public const string Probe = "probe";

    /// <summary>On a sync PUT: the deploy the sync belongs to, passed on to the register request.</summary>
    public const string DeployId = "deployId";
}
