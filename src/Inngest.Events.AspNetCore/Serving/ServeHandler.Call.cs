using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Inngest.Events.Protocol;
using Inngest.Events.Runner;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.AspNetCore.Serving;

internal sealed partial class ServeHandler
{
    /// <summary>POST: a trust probe (<c>?probe=trust</c>) or a call request; both need an allowed signature.</summary>
    private async Task<ServeResponse> PostAsync(HttpRequest request, byte[] body, ServeAuthentication auth, CancellationToken cancellationToken)
    {
        if (!auth.Allowed)
        {
            ServeLog.Rejected(logger, request.Method, auth.Reason);
            return ServeResponse.Unauthorized();
        }

        if (request.Query[ServeQuery.Probe].ToString() is { Length: > 0 } probe)
        {
            return probe == "trust"
                ? new ServeResponse(200, [])
                : ServeResponse.Error(400, "Error", $"Unknown probe \"{probe}\"", noRetry: true);
        }

        if (settings.IsDev && request.Headers[InngestHeaders.ServerKind].ToString() is { Length: > 0 } kind && kind != InngestHeaders.DevServerKind)
        {
            ServeLog.ServerKindMismatch(logger, settings.ModeSource, kind);
        }

        var functionId = request.Query[ServeQuery.FunctionId].ToString();
        if (functionId.Length == 0)
        {
            return ServeResponse.Error(400, "Error", "The call request has no fnId query parameter, so there is no function to run.", noRetry: true);
        }

        var function = runner.Find(functionId);
        if (function is null)
        {
            // Retriable, like the JavaScript SDK (500): during a rolling deploy the next attempt may reach an instance
            // that serves the function. A function removed for good fails once Inngest's retries run out.
            ServeLog.UnknownFunction(logger, functionId, settings.AppId);
            return ServeResponse.Error(500, "FunctionNotFoundError",
                $"App '{settings.AppId}' does not serve the function '{functionId}'; it serves {Describe(runner)}. Was the function renamed or removed without syncing the app again?",
                noRetry: false);
        }

        CallRequest call;
        try
        {
            if (body.Length == 0)
            {
                throw new JsonException("The call request has no body.");
            }

            call = CallRequest.Parse(body);
        }
        catch (JsonException exception)
        {
            ServeLog.MalformedCall(logger, functionId, exception.Message);
            return ServeResponse.Error(400, "InvalidCallRequestError", "The call request body is not a valid call request: " + exception.Message, noRetry: true);
        }

        // The query's stepId is what Inngest asks for; it wins over ctx.step_id.
        if (request.Query[ServeQuery.StepId].ToString() is { Length: > 0 } stepId)
        {
            call = call with { Ctx = call.Ctx with { StepId = stepId } };
        }

        return await CallAsync(function, call, cancellationToken).ConfigureAwait(false);
    }

    private async Task<ServeResponse> CallAsync(InngestFunctionDefinition function, CallRequest call, CancellationToken cancellationToken)
    {
        var compositeId = function.CompositeId(settings.AppId);
        using var activity = ServeTelemetry.Source.StartActivity("inngest.call " + compositeId, ActivityKind.Internal);
        activity?.SetTag("inngest.app.id", settings.AppId);
        activity?.SetTag("inngest.function.id", compositeId);
        activity?.SetTag("inngest.run.id", call.Ctx.RunId);
        activity?.SetTag("inngest.step.id", call.Ctx.StepId);
        activity?.SetTag("inngest.attempt", call.Ctx.Attempt);

        if (call.Ctx.UseApi)
        {
            var (loaded, problem) = await LoadStateAsync(call, cancellationToken).ConfigureAwait(false);
            if (loaded is null)
            {
                ServeLog.StateLoadFailed(logger, call.Ctx.RunId, problem!);
                activity?.SetStatus(ActivityStatusCode.Error, problem);
                return ServeResponse.Error(500, "Error", problem!, noRetry: false);
            }

            call = loaded;
        }

        CallResponse response;
        try
        {
            response = await runner.CallAsync(function, call, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            ServeLog.RunnerFailed(logger, exception, compositeId, call.Ctx.RunId);
            response = CallResponse.Failed(StepError.From(exception), retriable: true);
        }

        ServeLog.Called(logger, compositeId, call.Ctx.RunId, call.Ctx.StepId, call.Ctx.Attempt, response.StatusCode);
        activity?.SetTag("http.response.status_code", response.StatusCode);
        if (response.StatusCode >= 400)
        {
            activity?.SetStatus(ActivityStatusCode.Error, response.Error?.Message);
        }

        TraceSteps(activity, response);

        var headers = new List<KeyValuePair<string, string>>(2);
        if (response.NoRetry is { } noRetry)
        {
            headers.Add(new(InngestHeaders.NoRetry, noRetry ? "true" : "false"));
        }

        if (response.RetryAfter is { Length: > 0 } retryAfter)
        {
            headers.Add(new(InngestHeaders.RetryAfter, retryAfter));
        }

        return new ServeResponse(response.StatusCode, response.ToBody()) { Headers = headers };
    }

    /// <summary>
    /// A child span per step this call executed (<c>StepRun</c>, <c>StepError</c>, <c>StepFailed</c>). The runner
    /// executes at most one step per call, so the step's span covers the call.
    /// </summary>
    private static void TraceSteps(Activity? parent, CallResponse response)
    {
        if (parent is null || response.StatusCode != 206)
        {
            return;
        }

        foreach (var op in response.Ops)
        {
            if (op.Op is not (OpCodes.StepRun or OpCodes.StepError or OpCodes.StepFailed))
            {
                continue;
            }

            using var step = ServeTelemetry.Source.StartActivity(
                "inngest.step " + (op.DisplayName ?? op.Name ?? op.Id), ActivityKind.Internal, parent.Context, startTime: parent.StartTimeUtc);
            step?.SetTag("inngest.step.op", op.Op);
            step?.SetTag("inngest.step.hash", op.Id);
            step?.SetTag("inngest.step.name", op.Name);
            if (op.Error is { } error)
            {
                step?.SetStatus(ActivityStatusCode.Error, error.Message);
            }
        }
    }

    /// <summary>
    /// <c>use_api</c> (docs/protocol.md#call-requests-post): the state was too large to send, so the events come from
    /// <c>GET {api}/v0/runs/{run}/batch</c> and the memoized steps from <c>.../actions</c>. Any failure fails the call (500).
    /// </summary>
    private async Task<(CallRequest? Call, string? Problem)> LoadStateAsync(CallRequest call, CancellationToken cancellationToken)
    {
        var runId = call.Ctx.RunId;
        if (runId.Length == 0)
        {
            return (null, "The call request asks to load its state from the Inngest API (use_api) but has no run id.");
        }

        var runUrl = new Uri(settings.ApiBaseUrl, "v0/runs/" + Uri.EscapeDataString(runId) + "/");
        try
        {
            using var batch = await GetJsonAsync(new Uri(runUrl, "batch"), cancellationToken).ConfigureAwait(false);
            using var actions = await GetJsonAsync(new Uri(runUrl, "actions"), cancellationToken).ConfigureAwait(false);
            if (batch.RootElement.ValueKind != JsonValueKind.Array)
            {
                return (null, $"Loading the events of run {runId} from the Inngest API failed: the reply is not a JSON array.");
            }

            if (actions.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, $"Loading the steps of run {runId} from the Inngest API failed: the reply is not a JSON object.");
            }

            var events = batch.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
            var steps = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
            foreach (var step in actions.RootElement.EnumerateObject())
            {
                steps[step.Name] = step.Value.Clone();
            }

            return (call with
            {
                Event = events.Length > 0 ? events[0] : call.Event,
                Events = events.Length > 0 ? events : call.Events,
                Steps = steps,
            }, null);
        }
        catch (Exception exception) when (exception is HttpRequestException or JsonException or TaskCanceledException or InvalidOperationException)
        {
            return (null, $"Loading the state of run {runId} from the Inngest API ({settings.ApiBaseUrl.GetLeftPart(UriPartial.Authority)}) failed: {exception.Message}");
        }
    }

    private async Task<JsonDocument> GetJsonAsync(Uri url, CancellationToken cancellationToken)
    {
        using var response = await SendToApiAsync(() => new HttpRequestMessage(HttpMethod.Get, url), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"GET {url.AbsolutePath} answered {((int)response.StatusCode).ToString(CultureInfo.InvariantCulture)}", null, response.StatusCode);
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return JsonDocument.Parse(body);
    }

    private static string Describe(FunctionRunner runner)
    {
        var ids = runner.Registry.Functions.Select(f => f.CompositeId(runner.AppId)).ToArray();
        return ids.Length == 0 ? "no functions" : string.Join(", ", ids.Take(10)) + (ids.Length > 10 ? $" and {ids.Length - 10} more" : string.Empty);
    }
}
