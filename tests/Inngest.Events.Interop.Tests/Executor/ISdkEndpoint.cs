namespace Inngest.Events.Interop.Tests.Executor;

/// <summary>Something that answers call requests the way an SDK's serve endpoint does.</summary>
internal interface ISdkEndpoint
{
    /// <summary>A short name for messages: <c>js</c>, <c>dotnet</c>.</summary>
    string Name { get; }

    Task<SdkResponse> CallAsync(string compositeFunctionId, CallRequest request, CancellationToken cancellationToken);
}
