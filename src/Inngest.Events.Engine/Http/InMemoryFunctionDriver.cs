using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Http;

/// <summary>Calls the engine's own functions through its <see cref="FunctionRunner"/>, without serialization.</summary>
internal sealed class InMemoryFunctionDriver(FunctionRunner runner) : IFunctionDriver
{
    public Task<CallResponse> CallAsync(InngestFunctionDefinition function, CallRequest request, CancellationToken cancellationToken)
        => runner.CallAsync(function, request, cancellationToken);
}
