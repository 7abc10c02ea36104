using System.Buffers;
using System.Text.Json;
using Inngest.Events.Engine.Internal;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Http;

/// <summary>
/// Calls a function served over HTTP by any Inngest SDK: <c>POST {step url with stepId}</c> with the call request as
/// JSON, signed with the engine's signing key when it has one, and reads the answer as Inngest does; in cloud mode
/// only a signed answer counts (<see cref="EngineHttpClient.ResponseCheck"/>).
/// </summary>
internal sealed class HttpFunctionDriver(RemoteFunction function, EngineHttpClient http) : IFunctionDriver
{
    public RemoteFunction Function => function;

    public async Task<CallResponse> CallAsync(InngestFunctionDefinition definition, CallRequest request, CancellationToken cancellationToken)
    {
        var url = WithStepId(function.StepUrl, request.Ctx.StepId);
        var body = Serialize(request);
        using var message = new HttpRequestMessage(HttpMethod.Post, url);
        if (request.Ctx.RunId.Length > 0)
        {
            message.Headers.TryAddWithoutValidation(InngestHeaders.RunId, request.Ctx.RunId);
        }

        http.Prepare(message, body);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(http.Options.CallTimeout);
        try
        {
            using var response = await http.Client.SendAsync(message, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
            var content = await response.Content.ReadAsByteArrayAsync(timeout.Token).ConfigureAwait(false);
            return CallResponseReader.Read((int)response.StatusCode, response.Headers, content, http.ResponseCheck());
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return Unreachable(url, $"no answer within {DurationText.Format(http.Options.CallTimeout)}");
        }
        catch (HttpRequestException exception)
        {
            return Unreachable(url, exception.Message);
        }
    }

    private static CallResponse Unreachable(Uri url, string reason)
        => new()
        {
            StatusCode = 500,
            NoRetry = false,
            Error = new StepError("FunctionUnreachableError", $"Calling {url.GetLeftPart(UriPartial.Path)} failed: {reason}"),
        };

    /// <summary>The step URL with its <c>stepId</c> query value replaced by the call's (the server always (re)sets it).</summary>
    internal static Uri WithStepId(Uri stepUrl, string stepId)
    {
        var builder = new UriBuilder(stepUrl);
        var parts = builder.Query.TrimStart('?')
            .Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(part => !part.StartsWith(ServeQuery.StepId + "=", StringComparison.Ordinal) && part != ServeQuery.StepId)
            .Append(ServeQuery.StepId + "=" + Uri.EscapeDataString(stepId));
        builder.Query = string.Join("&", parts);
        return builder.Uri;
    }

    private static byte[] Serialize(CallRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            request.WriteTo(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
