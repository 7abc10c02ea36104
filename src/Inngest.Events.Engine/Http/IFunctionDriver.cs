using Inngest.Events.Protocol;
using Inngest.Events.Runner;

namespace Inngest.Events.Engine.Http;

/// <summary>How the engine hands a call request to a function: in memory to a <see cref="FunctionRunner"/>, or over HTTP to an app.</summary>
internal interface IFunctionDriver
{
    /// <summary>Runs one call. Failures to reach the function come back as retriable error responses, not exceptions.</summary>
    Task<CallResponse> CallAsync(InngestFunctionDefinition function, CallRequest request, CancellationToken cancellationToken);
}
