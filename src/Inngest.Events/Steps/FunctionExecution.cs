using System.Globalization;
using System.Linq.Expressions;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Inngest.Events.Protocol;
using Inngest.Events.Serialization;

namespace Inngest.Events;

/// <summary>
/// One call of one function: the step tools it hands to user code, the memoized results they replay, and the new
/// steps they find. A step that cannot complete in this call returns a task that never completes, so user code is
/// never unwound by an exception (a <c>catch (Exception)</c> in it would swallow one).
/// </summary>
internal sealed class FunctionExecution : IStepTools
{
    private readonly CallRequest _request;
    private readonly string _appId;
    private readonly IJsonTypeInfoResolver? _types;
    private readonly Func<IReadOnlyList<InngestEvent>, CancellationToken, Task<IReadOnlyList<string>>>? _send;
    private readonly CancellationToken _cancellationToken;
    private readonly IStepObserver? _observer;
    private readonly Dictionary<string, int> _idCounts = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedHashes = new(StringComparer.Ordinal);
    private readonly List<FoundStep> _found = [];
    private readonly object _gate = new();
    private volatile TaskCompletionSource _stepFound = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public FunctionExecution(
        CallRequest request,
        string appId,
        IJsonTypeInfoResolver? types,
        Func<IReadOnlyList<InngestEvent>, CancellationToken, Task<IReadOnlyList<string>>>? send,
        CancellationToken cancellationToken,
        IStepObserver? observer = null)
    {
        _request = request;
        _appId = appId;
        _types = types;
        _send = send;
        _cancellationToken = cancellationToken;
        _observer = observer;
        TargetHash = request.Ctx.StepId is { Length: > 0 } s && s != StepIds.Discovery ? s : null;
    }

    /// <summary>The hashed step id this call must run, or null to discover.</summary>
    public string? TargetHash { get; }

    /// <summary>Completes when a new step is found.</summary>
    public Task StepFound => _stepFound.Task;

    /// <summary>The new steps found so far, in the order user code reached them.</summary>
    public IReadOnlyList<FoundStep> Found
    {
        get
        {
            lock (_gate)
            {
                return _found.ToArray();
            }
        }
    }

    public void ResetStepFound()
    {
        if (_stepFound.Task.IsCompleted)
        {
            _stepFound = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    // ---- IStepTools ----

    public Task RunAsync(string id, Func<Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return RunCore<JsonElement>(id, null, async () =>
        {
            await action().ConfigureAwait(false);
            return NullElement;
        });
    }

    public Task RunAsync(string id, Action action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return RunCore<JsonElement>(id, null, () =>
        {
            action();
            return Task.FromResult(NullElement);
        });
    }

    public Task<T> RunAsync<T>(string id, Func<Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var info = StepTypeInfos.Get<T>(_types, id);
        return RunCore(id, info, async () => StepTypeInfos.ToElement(await action().ConfigureAwait(false), info));
    }

    public Task<T> RunAsync<T>(string id, Func<T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var info = StepTypeInfos.Get<T>(_types, id);
        return RunCore(id, info, () => Task.FromResult(StepTypeInfos.ToElement(action(), info)));
    }

    public Task<T> RunAsync<TInput, T>(string id, TInput input, Func<TInput, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var info = StepTypeInfos.Get<T>(_types, id);
        return RunCore(id, info, async () => StepTypeInfos.ToElement(await action(input).ConfigureAwait(false), info), InputOpts(id, input));
    }

    public Task<T> RunAsync<TInput, T>(string id, TInput input, Func<TInput, T> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        var info = StepTypeInfos.Get<T>(_types, id);
        return RunCore(id, info, () => Task.FromResult(StepTypeInfos.ToElement(action(input), info)), InputOpts(id, input));
    }

    public Task RunAsync<TInput>(string id, TInput input, Func<TInput, Task> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return RunCore<JsonElement>(id, null, async () =>
        {
            await action(input).ConfigureAwait(false);
            return NullElement;
        }, InputOpts(id, input));
    }

    public Task RunAsync<TInput>(string id, TInput input, Action<TInput> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        return RunCore<JsonElement>(id, null, () =>
        {
            action(input);
            return Task.FromResult(NullElement);
        }, InputOpts(id, input));
    }

    public Task<IReadOnlyList<string>> SendEventAsync<TData>(string id, TData data, EventOptions? options = null)
        where TData : IEventData<TData>
        => SendEventAsync(id, [new Event<TData>(data) { Id = options?.Id, Ts = options?.Ts, V = options?.V }]);

    public async Task<IReadOnlyList<string>> SendEventAsync(string id, IReadOnlyList<InngestEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var send = _send ?? throw new InvalidOperationException($"Step '{id}' sends events, but no Inngest client is registered to send them with.");
        var result = await RunCore<JsonElement>(id, null, async () =>
        {
            var ids = await send(events, _cancellationToken).ConfigureAwait(false);
            return IdsElement(ids);
        }, () => Opts(writer => writer.WriteString("type", "step.sendEvent")), opName: "sendEvent").ConfigureAwait(false);
        return ReadIds(result);
    }

    public Task<Event<T>?> WaitForEventAsync<T>(string id, TimeSpan timeout, string? @if = null)
        where T : IEventData<T>
    {
        var opts = Opts(writer =>
        {
            writer.WriteString("event", T.EventName);
            writer.WriteString("timeout", TimeStrings.Format(timeout));
            if (@if is not null)
            {
                writer.WriteString("if", @if);
            }
        });
        var memo = Step(id, OpCodes.WaitForEvent, () => opts, execute: null, out var reached);
        switch (memo.Kind)
        {
            case StepMemoKind.Pending:
                return Never<Event<T>?>();
            case StepMemoKind.Error:
                return Task.FromException<Event<T>?>(new StepFailedException(id, memo.Error!));
            default:
                try
                {
                    return Task.FromResult(memo.Value.ValueKind is JsonValueKind.Object ? EventReader.Read<T>(memo.Value) : null);
                }
                catch (PayloadMismatchException exception)
                {
                    _observer?.Unreadable(reached, typeof(Event<T>), exception);
                    return Task.FromException<Event<T>?>(exception);
                }
        }
    }

    public Task<Event<T>?> WaitForEventAsync<TTrigger, T>(string id, TimeSpan timeout, Expression<Func<Event<TTrigger>, Event<T>, bool>> match)
        where TTrigger : IEventData<TTrigger>
        where T : IEventData<T>
        => WaitForEventAsync<T>(id, timeout, MatchTranslator.Translate(match));

    public Task SleepAsync(string id, TimeSpan duration)
        => Sleep(id, TimeStrings.Format(duration));

    public Task SleepUntilAsync(string id, DateTimeOffset until)
        => Sleep(id, TimeStrings.FormatInstant(until));

    public Task<TResult> InvokeAsync<TData, TResult>(string id, FunctionReference<TData, TResult> function, TData data, TimeSpan? timeout = null)
        where TData : IEventData<TData>
    {
        ArgumentNullException.ThrowIfNull(function);
        var functionId = function.IsComposite ? function.FunctionId : $"{_appId}-{function.FunctionId}";
        var info = StepTypeInfos.Get<TResult>(_types, id);
        var opts = Opts(writer =>
        {
            writer.WriteString("function_id", functionId);
            writer.WriteStartObject("payload");
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, data, TData.JsonTypeInfo);
            writer.WriteEndObject();
            if (timeout is { } t)
            {
                writer.WriteString("timeout", TimeStrings.Format(t));
            }
        });
        var memo = Step(id, OpCodes.InvokeFunction, () => opts, execute: null, out var reached);
        switch (memo.Kind)
        {
            case StepMemoKind.Pending:
                return Never<TResult>();
            case StepMemoKind.Error:
                return Task.FromException<TResult>(new StepFailedException(id, memo.Error!));
            default:
                try
                {
                    return Task.FromResult(memo.Value.Deserialize(info)!);
                }
                catch (JsonException exception)
                {
                    _observer?.Unreadable(reached, typeof(TResult), exception);
                    return Task.FromException<TResult>(PayloadMismatchException.Create($"the result of '{functionId}' (step '{id}')", typeof(TResult), memo.Value, exception));
                }
        }
    }

    // ---- the step machinery ----

    private static readonly JsonElement NullElement = JsonElements.Null;

    private Task Sleep(string id, string duration)
    {
        var memo = Step(id, OpCodes.Sleep, () => Opts(writer => writer.WriteString("duration", duration)), execute: null, out _);
        return memo.Kind switch
        {
            StepMemoKind.Pending => Never<bool>(),
            StepMemoKind.Error => Task.FromException(new StepFailedException(id, memo.Error!)),
            _ => Task.CompletedTask,
        };
    }

    private Task<T> RunCore<T>(string id, JsonTypeInfo<T>? info, Func<Task<JsonElement>> execute, Func<JsonElement?>? opts = null, string? opName = null)
    {
        var memo = Step(id, OpCodes.StepRun, opts, execute, out var reached, opName);
        switch (memo.Kind)
        {
            case StepMemoKind.Pending:
                return Never<T>();
            case StepMemoKind.Error:
                return Task.FromException<T>(new StepFailedException(id, memo.Error!));
            default:
                if (info is null)
                {
                    // Untyped steps (RunAsync without a result, sendEvent) hand back the stored JSON itself.
                    return Task.FromResult((T)(object)memo.Value);
                }

                try
                {
                    return Task.FromResult(memo.Value.Deserialize(info)!);
                }
                catch (JsonException exception)
                {
                    _observer?.Unreadable(reached, typeof(T), exception);
                    return Task.FromException<T>(new InvalidOperationException(
                        $"The stored result of step '{id}' cannot be read as '{typeof(T)}': {exception.Message} Did the step's result type change since the run started?", exception));
                }
        }
    }

    /// <summary>
    /// Resolves a step call: its hashed id (with the <c>:n</c> suffix for repeats), then its memoized result, or
    /// records it as found. <c>opts</c> makes the op's options, when they are needed (a new step, or an observer);
    /// <c>opName</c> is the op's <c>name</c> when it is not the step id (<c>sendEvent</c> for sendEvent steps, as the JS
    /// SDK sends it).
    /// </summary>
    private StepMemo Step(string id, string kind, Func<JsonElement?>? opts, Func<Task<JsonElement>>? execute, out ReachedStep reached, string? opName = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        string hash;
        int? index;
        lock (_gate)
        {
            (hash, index) = NextHash(id);
        }

        JsonElement? stored = _request.Steps.TryGetValue(hash, out var value) ? value : null;
        JsonElement? options = null;
        var optionsMade = false;
        if (_observer is not null)
        {
            options = opts?.Invoke();
            optionsMade = true;
            reached = new ReachedStep(hash, id, index, kind, options);
            stored = _observer.Reached(reached, stored);
        }
        else
        {
            reached = new ReachedStep(hash, id, index, kind, null);
        }

        if (stored is { } memoized && StepMemo.Decode(memoized) is { Kind: not StepMemoKind.Pending } memo)
        {
            return memo;
        }

        if (!optionsMade)
        {
            options = opts?.Invoke();
        }

        // Every new step is recorded, also when replaying towards a requested step: the runner then runs only that
        // one, but needs to know that the code can go no further (and, if the target never shows up, what it found).
        lock (_gate)
        {
            _found.Add(new FoundStep(hash, id, index, kind, options, execute) { Name = opName ?? id });
        }

        _stepFound.TrySetResult();
        return StepMemo.Pending;
    }

    private (string Hash, int? Index) NextHash(string id)
    {
        if (!_idCounts.TryGetValue(id, out var count))
        {
            _idCounts[id] = 1;
            var first = StepIds.Hash(id);
            if (_usedHashes.Add(first))
            {
                return (first, null);
            }

            count = 1;
        }

        // Repeats hash "id:n", skipping any n whose hash is already taken (a step may literally be named "x:1").
        while (true)
        {
            var candidate = StepIds.Hash(StepIds.Repeat(id, count));
            count++;
            if (_usedHashes.Add(candidate))
            {
                _idCounts[id] = count;
                return (candidate, count - 1);
            }
        }
    }

    /// <summary>The options of a run step called with an input: <c>{"input": [input]}</c>, the arguments as Inngest's SDKs report them.</summary>
    private Func<JsonElement?> InputOpts<TInput>(string id, TInput input)
    {
        JsonTypeInfo<TInput> info;
        try
        {
            info = StepTypeInfos.Get<TInput>(_types, id);
        }
        catch (InvalidOperationException exception)
        {
            throw new InvalidOperationException(
                $"No JSON serializer is known for '{typeof(TInput)}', the input type of step '{id}'. The Inngest.Events generator emits one for every type " +
                "passed as the input of RunAsync in an assembly with [InngestFunction] methods; make sure the call is in such an assembly, or pass an " +
                "[Event] type or a framework primitive.",
                exception);
        }

        return () => Opts(writer =>
        {
            writer.WriteStartArray("input");
            JsonSerializer.Serialize(writer, input, info);
            writer.WriteEndArray();
        });
    }

    private static JsonElement Opts(Action<Utf8JsonWriter> write)
        => JsonElements.Build(writer =>
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        });

    private static JsonElement IdsElement(IReadOnlyList<string> ids)
        => Opts(writer =>
        {
            writer.WriteStartArray("ids");
            foreach (var id in ids)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
        });

    private static IReadOnlyList<string> ReadIds(JsonElement element)
    {
        var ids = new List<string>();
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty("ids", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var id in list.EnumerateArray())
            {
                ids.Add(id.GetString() ?? string.Empty);
            }
        }

        return ids;
    }

    private static Task<T> Never<T>() => new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously).Task;
}
