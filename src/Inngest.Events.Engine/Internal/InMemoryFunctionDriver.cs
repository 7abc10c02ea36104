using Inngest.Events.Engine.Http;
using Inngest.Events.Protocol;
using Inngest.Events.Runner;

namespace Inngest.Events.Engine.Internal;

/// <summary>Calls the engine's own functions through its <see cref="FunctionRunner"/>, without serialization.</summary>
internal sealed class InMemoryFunctionDriver(FunctionRunner runner) : IFunctionDriver
{
    public Task<CallResponse> CallAsync(InngestFunctionDefinition function, CallRequest request, CancellationToken cancellationToken)
        => runner.CallAsync(function, request, cancellationToken);
}
