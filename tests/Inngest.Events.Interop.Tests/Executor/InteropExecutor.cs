namespace Inngest.Events.Interop.Tests.Executor;

/// <summary>
/// Plays Inngest's part for one SDK (docs/protocol.md#the-embedded-engine steps 3–5), deterministically and without
/// waiting: discovery calls with <c>stepId=step</c>; <c>{"data":…}</c> stored for <c>StepRun</c>; a targeted call per
/// <c>StepPlanned</c>, with <c>disable_immediate_execution</c> from the first response with more than one op on, and
/// rediscovery once no planned step is pending; <c>null</c> for a finished sleep; the event (or <c>null</c>) for a wait;
/// <c>{"data":…}</c> or <c>{"error":…}</c> for an invocation; <c>StepError</c> retried with the next attempt number,
/// and stored as <c>{"error":…}</c> when it was the last attempt or carried <c>X-Inngest-No-Retry: true</c>; 5xx and
/// 4xx function errors retried unless <c>X-Inngest-No-Retry: true</c> or the attempts are used up. Cancellation
/// (<c>cancelOn</c>) is an executor decision that never reaches the SDK, so it is not driven here.
/// </summary>
internal sealed class InteropExecutor(ISdkEndpoint sdk, string appId)
{
    /// <summary>The executor's internal function id, sent as <c>ctx.fn_id</c> like a real server does.</summary>
    public const string InternalFunctionId = "00000000-0000-4000-8000-000000000001";

    public const string InvokeTimeoutMessage = "Timed out waiting for invoked function to complete";

    private const int MaxCallsPerRun = 60;

    public Task<RunRecord> RunAsync(Scenario scenario, CancellationToken cancellationToken)
        => RunAsync(scenario, $"{appId}-{scenario.FunctionId}", scenario.Event, scenario.RunId, scenario.MaxAttempts, cancellationToken);

    private async Task<RunRecord> RunAsync(Scenario scenario, string functionId, JsonElement evt, string runId, int maxAttempts, CancellationToken cancellationToken)
    {
        var record = new RunRecord(functionId, runId);
        var steps = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var stack = new List<string>();
        var disableImmediateExecution = false;
        var queue = new List<(string StepId, int Attempt)> { ("step", 0) };

        void Store(string hash, JsonNode? value)
        {
            steps[hash] = ScenarioEvents.Json(value);
            stack.Add(hash);
            record.State.Add((hash, value?.DeepClone()));
        }

        while (queue.Count > 0)
        {
            if (record.Exchanges.Count >= MaxCallsPerRun)
            {
                throw new InvalidOperationException($"{sdk.Name}: run {runId} of {functionId} made more than {MaxCallsPerRun} calls.");
            }

            var (stepId, attempt) = queue[0];
            queue.RemoveAt(0);
            var request = new CallRequest
            {
                Event = evt,
                Events = [evt],
                Steps = new Dictionary<string, JsonElement>(steps, StringComparer.Ordinal),
                Version = -1,
                Ctx = new CallContext
                {
                    FnId = InternalFunctionId,
                    RunId = runId,
                    Env = string.Empty,
                    StepId = stepId,
                    Attempt = attempt,
                    MaxAttempts = maxAttempts,
                    Stack = stack.ToArray(),
                    DisableImmediateExecution = disableImmediateExecution,
                },
            };

            var response = await sdk.CallAsync(functionId, request, cancellationToken).ConfigureAwait(false);
            var ops = response.Ops();
            record.Exchanges.Add(new Exchange(stepId, attempt, disableImmediateExecution, response, ops));

            if (response.Status == 200)
            {
                record.Outcome = "completed";
                record.Result = JsonNode.Parse(response.Body);
                break;
            }

            if (response.Status != 206)
            {
                var retriable = response.NoRetry != "true";
                if (retriable && attempt + 1 < maxAttempts)
                {
                    queue.Add((stepId, attempt + 1));
                    continue;
                }

                record.Outcome = "failed";
                record.Result = JsonNode.Parse(response.Body);
                break;
            }

            if (ops.Count > 1)
            {
                disableImmediateExecution = true;
            }

            var rediscover = false;
            foreach (var (raw, op) in ops)
            {
                switch (op.Op)
                {
                    case OpCodes.StepRun:
                        Store(op.Id, new JsonObject { ["data"] = raw["data"]?.DeepClone() });
                        rediscover = true;
                        break;
                    case OpCodes.StepPlanned:
                        queue.Add((op.Id, 0));
                        break;
                    case OpCodes.StepError when response.NoRetry != "true" && attempt + 1 < maxAttempts:
                        queue.Add((stepId, attempt + 1));
                        break;
                    case OpCodes.StepError:
                    case OpCodes.StepFailed:
                        Store(op.Id, new JsonObject { ["error"] = raw["error"]?.DeepClone() });
                        rediscover = true;
                        break;
                    case OpCodes.Sleep:
                        Store(op.Id, null);
                        rediscover = true;
                        break;
                    case OpCodes.WaitForEvent:
                        Store(op.Id, scenario.WaitResult is { } matched ? JsonNode.Parse(matched.GetRawText()) : null);
                        rediscover = true;
                        break;
                    case OpCodes.InvokeFunction:
                        Store(op.Id, await InvokeAsync(scenario, record, raw, op, cancellationToken).ConfigureAwait(false));
                        rediscover = true;
                        break;
                    default:
                        throw new InvalidOperationException($"{sdk.Name}: unexpected op {raw.ToJsonString()}");
                }
            }

            if (rediscover && queue.Count == 0)
            {
                queue.Add(("step", 0));
            }
        }

        return record;
    }

    /// <summary>
    /// An invocation: Inngest emits <c>inngest/function.invoked</c> with the payload's data plus <c>_inngest</c>
    /// metadata, runs the target, and stores <c>{"data": result}</c> or <c>{"error": error}</c>.
    /// </summary>
    private async Task<JsonNode> InvokeAsync(Scenario scenario, RunRecord parent, JsonObject raw, StepOp op, CancellationToken cancellationToken)
    {
        if (scenario.Invoke == InvokeOutcome.TimeOut)
        {
            return new JsonObject { ["error"] = new JsonObject { ["name"] = "InngestInvokeTimeoutError", ["message"] = InvokeTimeoutMessage } };
        }

        var opts = raw["opts"]?.AsObject() ?? throw new InvalidOperationException($"{sdk.Name}: InvokeFunction without opts: {raw.ToJsonString()}");
        var target = opts["function_id"]?.GetValue<string>() ?? throw new InvalidOperationException($"{sdk.Name}: InvokeFunction without function_id.");
        var data = opts["payload"]?["data"]?.DeepClone().AsObject() ?? [];
        data["_inngest"] = new JsonObject
        {
            ["fn_id"] = target,
            ["correlation_id"] = $"{parent.RunId}.{op.Id}",
            ["expire"] = 1717003600000,
            ["gid"] = string.Empty,
            ["name"] = "inngest/function.invoked",
            ["source_app_id"] = appId,
            ["source_fn_id"] = parent.FunctionId,
            ["source_fn_v"] = 1,
        };
        var invoked = new JsonObject
        {
            ["name"] = "inngest/function.invoked",
            ["data"] = data,
            ["id"] = $"invoke-{op.Id[..8]}",
            ["ts"] = 1717000000000,
            ["user"] = new JsonObject(),
        };
        var child = await RunAsync(scenario, target, ScenarioEvents.Json(invoked), $"{parent.RunId}-CHILD", scenario.ChildMaxAttempts, cancellationToken).ConfigureAwait(false);
        parent.Children.Add(child);
        return child.Outcome == "completed"
            ? new JsonObject { ["data"] = child.Result?.DeepClone() }
            : new JsonObject { ["error"] = child.Result?.DeepClone() };
    }
}
