using System.Text.Json;
using Inngest.Events.Protocol;
using Inngest.Events.Runner;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Events.Tests.Runner;

[Event("test/user.signed_up")]
public partial record UserSignedUp(string UserId, string Plan);

[Event("test/email.confirmed")]
public partial record EmailConfirmed(string UserId);

/// <summary>Drives a FunctionRunner the way an executor does: builds call requests, keeps the memoized state.</summary>
internal sealed class RunnerHarness
{
    private readonly Dictionary<string, JsonElement> _steps = new(StringComparer.Ordinal);
    private readonly List<string> _stack = [];

    public RunnerHarness(FunctionHandler handler, List<IReadOnlyList<InngestEvent>>? sent = null)
    {
        Function = new InngestFunctionDefinition { Id = "fn", Handler = handler };
        Runner = new FunctionRunner(
            new ServiceCollection().BuildServiceProvider(),
            new InngestFunctionRegistry([Function]),
            "app",
            (events, _) =>
            {
                sent?.Add(events);
                return Task.FromResult<IReadOnlyList<string>>(events.Select((_, i) => $"sent-{i}").ToArray());
            });
    }

    public InngestFunctionDefinition Function { get; }

    public FunctionRunner Runner { get; }

    public IReadOnlyDictionary<string, JsonElement> Steps => _steps;

    public IReadOnlyList<string> Stack => _stack;

    public bool DisableImmediateExecution { get; set; }

    public static JsonElement Json(string json) => JsonDocument.Parse(json).RootElement.Clone();

    public static JsonElement TriggerEvent { get; } = Json("""{"name":"test/user.signed_up","data":{"userId":"u1","plan":"pro"},"id":"evt-1","ts":1717000000000,"user":{}}""");

    public Task<CallResponse> CallAsync(string stepId = "step", int attempt = 0, int maxAttempts = 5)
        => Runner.CallAsync(Function, new CallRequest
        {
            Event = TriggerEvent,
            Events = [TriggerEvent],
            Steps = new Dictionary<string, JsonElement>(_steps),
            Ctx = new CallContext
            {
                RunId = "run-1",
                StepId = stepId,
                Attempt = attempt,
                MaxAttempts = maxAttempts,
                Stack = _stack.ToArray(),
                DisableImmediateExecution = DisableImmediateExecution,
            },
        });

    public void Memoize(string hash, string json)
    {
        _steps[hash] = Json(json);
        _stack.Add(hash);
    }

    /// <summary>Stores a StepRun op's data the way Inngest does: <c>{"data": ...}</c>.</summary>
    public void Store(StepOp op)
    {
        var data = op.Data is { } d ? d.GetRawText() : "null";
        Memoize(op.Id, $$"""{"data":{{data}}}""");
    }

    public static string Body(CallResponse response) => System.Text.Encoding.UTF8.GetString(response.ToBody());
}
