using Inngest.Events.Runner;

namespace Inngest.Events.Interop.Tests.Executor;

/// <summary>
/// Our <see cref="FunctionRunner"/> in memory. The request still goes through its JSON (written, then parsed) and the
/// response through <see cref="CallResponse.ToBody"/>, so both sides are compared on the wire format.
/// </summary>
internal sealed class RunnerSdkEndpoint(FunctionRunner runner) : ISdkEndpoint
{
    public string Name => "dotnet";

    public async Task<SdkResponse> CallAsync(string compositeFunctionId, CallRequest request, CancellationToken cancellationToken)
    {
        var function = runner.Find(compositeFunctionId) ?? throw new InvalidOperationException($"No .NET function '{compositeFunctionId}'.");
        var parsed = CallRequest.Parse(HttpSdkEndpoint.Serialize(request));
        var response = await runner.CallAsync(function, parsed, cancellationToken).ConfigureAwait(false);
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (response.NoRetry is { } noRetry)
        {
            headers["x-inngest-no-retry"] = noRetry ? "true" : "false";
        }

        if (response.RetryAfter is { } retryAfter)
        {
            headers["retry-after"] = retryAfter;
        }

        return new SdkResponse(response.StatusCode, headers, response.ToBody());
    }
}
