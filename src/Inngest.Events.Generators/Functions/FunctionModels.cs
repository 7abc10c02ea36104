using Inngest.Events.Generators.Json;
using Inngest.Events.Generators.Shared;

namespace Inngest.Events.Generators.Functions;

/// <summary>What the generated handler passes for one parameter of a function method.</summary>
internal enum FunctionParameterKind
{
    Event,
    EventBatch,
    StepTools,
    Context,
    CancellationToken,
}

/// <summary>How a function method returns.</summary>
internal enum FunctionReturnKind
{
    Task,
    TaskOfT,
    ValueTask,
    ValueTaskOfT,
}

/// <summary>One parameter of a function method; <see cref="EventType"/> for Event and EventBatch.</summary>
internal sealed record FunctionParameterModel(FunctionParameterKind Kind, string? EventType);

/// <summary>An event type: its fully qualified name, and its event name when its [Event] attribute gives it.</summary>
internal sealed record EventTypeModel(string TypeName, string? EventName);

/// <summary>
/// A trigger: an event (with an optional expression), a cron schedule, or the <c>inngest/function.failed</c> event
/// of the function <see cref="FailedFunctionId"/> (whose expression needs the app id, known only at run time).
/// </summary>
internal sealed record FunctionTriggerModel(EventTypeModel? Event, string? Expression, string? Cron, string? Jitter, string? FailedFunctionId);

/// <summary>A function as the emitter needs it. A failure handler is a function of its own.</summary>
/// <param name="ContainingType">The fully qualified class.</param>
/// <param name="MethodName">The method name (keywords escaped with @).</param>
/// <param name="ResultType">For Task&lt;T&gt; and ValueTask&lt;T&gt;: T, fully qualified.</param>
/// <param name="EventType">The event parameter's T, which a typed reference invokes the function with.</param>
internal sealed record FunctionModel(
    string Id,
    string? Name,
    string ContainingType,
    string MethodName,
    bool IsStatic,
    EquatableArray<FunctionParameterModel> Parameters,
    FunctionReturnKind ReturnKind,
    string? ResultType,
    string? EventType,
    bool IsFailureHandler,
    EquatableArray<FunctionTriggerModel> Triggers,
    FunctionConfigModel Config);

/// <summary>The flow-control attributes of a function, as values. Enum values are member names.</summary>
internal sealed record FunctionConfigModel(
    int? Retries,
    EquatableArray<ConcurrencyModel> Concurrency,
    ThrottleModel? Throttle,
    RateLimitModel? RateLimit,
    DebounceModel? Debounce,
    BatchModel? BatchEvents,
    string? Priority,
    string? Idempotency,
    SingletonModel? Singleton,
    EquatableArray<CancelModel> Cancel,
    TimeoutsModel? Timeouts)
{
    public static readonly FunctionConfigModel Empty = new(
        null, EquatableArray<ConcurrencyModel>.Empty, null, null, null, null, null, null, null, EquatableArray<CancelModel>.Empty, null);
}

/// <param name="Scope">The ConcurrencyScope member name, or null for the default (Fn).</param>
internal sealed record ConcurrencyModel(int Limit, string? Key, string? Scope);

internal sealed record ThrottleModel(int Limit, string? Period, int Burst, string? Key);

internal sealed record RateLimitModel(int Limit, string? Period, string? Key);

internal sealed record DebounceModel(string? Period, string? Key, string? Timeout);

internal sealed record BatchModel(int MaxSize, string? Timeout, string? Key, string? If);

/// <param name="Mode">The SingletonMode member name.</param>
internal sealed record SingletonModel(string Mode, string? Key);

internal sealed record CancelModel(EventTypeModel Event, string? If, string? Timeout);

internal sealed record TimeoutsModel(string? Start, string? Finish);

/// <summary>What a type is as an event: see <c>FunctionGenerator.Parser.EventStatus</c>.</summary>
internal enum EventTypeStatus
{
    NotAnEvent,
    Valid,
    Broken,
}

/// <summary>How the registry's type resolver answers for a step or function result type.</summary>
internal enum StepTypeKind
{
    /// <summary>A framework primitive the runtime handles itself.</summary>
    BuiltIn,

    /// <summary>An [Event] type: its own JsonTypeInfo.</summary>
    Event,

    /// <summary>Anything else: a converter generated from <see cref="StepTypeModel.Json"/>.</summary>
    Generated,
}

/// <summary>A type whose values steps or functions return.</summary>
/// <param name="TypeOfName">The fully qualified name without nullable reference annotations, for <c>typeof</c>.</param>
/// <param name="Json">For Generated: the JSON models, root first.</param>
internal sealed record StepTypeModel(string TypeOfName, StepTypeKind Kind, EquatableArray<JsonTypeModel> Json);

/// <summary>A function id and where it was declared, for the duplicate-id check.</summary>
internal sealed record FunctionIdSite(string Id, LocationInfo? Location);

/// <summary>
/// The parser's result for one [InngestFunction] method: the function (and its failure handler) when it can
/// generate, the types they return, the ids they claim, and diagnostics.
/// </summary>
internal sealed record FunctionParseResult(
    EquatableArray<FunctionModel> Functions,
    EquatableArray<StepTypeModel> ResultTypes,
    EquatableArray<FunctionIdSite> Ids,
    EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>
/// One RunAsync&lt;T&gt; / RunAsync&lt;TInput, T&gt; / InvokeAsync&lt;TData, TResult&gt; call site: its result type, or why it
/// cannot be serialized, and the type of the input it reports with the step.
/// </summary>
internal sealed record StepSiteResult(StepTypeModel? Type, DiagnosticInfo? Diagnostic)
{
    /// <summary>The input type of a RunAsync&lt;TInput, T&gt; call, when it can be serialized.</summary>
    public StepTypeModel? InputType { get; init; }
}

/// <summary>The step calls of one step scope: the result types to resolve, and why others cannot be serialized.</summary>
internal sealed record StepScopeResult(EquatableArray<StepTypeModel> Types, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>Everything the one generated file holds: its namespace, the functions sorted by id, and the types to resolve.</summary>
internal sealed record RegistryModel(string Namespace, EquatableArray<FunctionModel> Functions, EquatableArray<StepTypeModel> Types);
