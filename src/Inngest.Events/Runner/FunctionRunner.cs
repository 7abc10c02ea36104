using System.Text.Json;
using Inngest.Events.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inngest.Events.Runner;

/// <summary>
/// The SDK side of the Inngest protocol: turns a call request into a call response by replaying the function with
/// its memoized steps (docs/protocol.md#call-requests-post, docs/protocol.md#memoized-steps). The embedded engine calls it in memory; the serve
/// endpoint calls it from HTTP.
/// </summary>
internal sealed class FunctionRunner
{
    private readonly IServiceProvider _services;
    private readonly InngestFunctionRegistry _registry;
    private readonly string _appId;
    private readonly Func<IReadOnlyList<InngestEvent>, CancellationToken, Task<IReadOnlyList<string>>>? _send;
    private readonly ILoggerFactory _loggerFactory;

    /// <summary>Creates a runner for the functions of <paramref name="registry"/>.</summary>
    /// <param name="services">Resolves the classes of instance functions (one scope per call).</param>
    /// <param name="registry">The functions and their JSON metadata.</param>
    /// <param name="appId">The app id, for composite function ids.</param>
    /// <param name="send">Sends the events of <see cref="IStepTools.SendEventAsync(string, IReadOnlyList{InngestEvent})"/> steps.</param>
    /// <param name="loggerFactory">Creates the functions' loggers.</param>
    public FunctionRunner(
        IServiceProvider services,
        InngestFunctionRegistry registry,
        string appId,
        Func<IReadOnlyList<InngestEvent>, CancellationToken, Task<IReadOnlyList<string>>>? send = null,
        ILoggerFactory? loggerFactory = null)
    {
        _services = services;
        _registry = registry;
        _appId = appId;
        _send = send;
        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
    }

    /// <summary>The functions this runner serves.</summary>
    public InngestFunctionRegistry Registry => _registry;

    /// <summary>The app id.</summary>
    public string AppId => _appId;

    /// <summary>Finds a function by its id or its composite id.</summary>
    public InngestFunctionDefinition? Find(string functionId)
    {
        foreach (var function in _registry.Functions)
        {
            if (function.Id == functionId || function.CompositeId(_appId) == functionId)
            {
                return function;
            }
        }

        return null;
    }

    /// <summary>Runs one call of <paramref name="function"/>.</summary>
    public Task<CallResponse> CallAsync(InngestFunctionDefinition function, CallRequest request, CancellationToken cancellationToken = default)
        => CallAsync(function, request, observer: null, cancellationToken);

    /// <summary>Runs one call of <paramref name="function"/>, with <paramref name="observer"/> seeing (and answering) every step it reaches.</summary>
    public async Task<CallResponse> CallAsync(InngestFunctionDefinition function, CallRequest request, IStepObserver? observer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(request);
        var ctx = request.Ctx;
        var execution = new FunctionExecution(request, _appId, _registry.Types, _send, cancellationToken, observer);
        await using var scope = _services.CreateAsyncScope();
        var context = new FunctionContext
        {
            RunId = ctx.RunId,
            FunctionId = function.Id,
            Attempt = ctx.Attempt,
            MaxAttempts = ctx.MaxAttempts,
            Logger = _loggerFactory.CreateLogger("Inngest.Functions." + function.Id),
        };
        var events = request.Events.Count > 0 ? request.Events : [request.Event];
        var invocation = new FunctionInvocation(request.Event, events, execution, context, scope.ServiceProvider, _registry.Types, cancellationToken);

        var loop = new RunnerSynchronizationContext();
        var run = loop.Run(() => StartHandler(function, invocation));
        await SettleAsync(loop, run, execution, cancellationToken).ConfigureAwait(false);

        if (run.IsCompleted)
        {
            return Complete(run, ctx);
        }

        var found = execution.Found;
        if (execution.TargetHash is { } target)
        {
            var step = found.FirstOrDefault(s => s.Hash == target);
            return step?.Execute is not null
                ? await ExecuteAsync(step, ctx).ConfigureAwait(false)
                : StepNotFound(target, found);
        }

        if (found.Count == 1 && found[0].IsRunType && !ctx.DisableImmediateExecution)
        {
            return await ExecuteAsync(found[0], ctx).ConfigureAwait(false);
        }

        return CallResponse.WithOps(found.Select(Plan).ToArray());
    }

    private static Task<ReadOnlyMemory<byte>> StartHandler(InngestFunctionDefinition function, FunctionInvocation invocation)
    {
        try
        {
            return function.Handler(invocation);
        }
        catch (Exception exception)
        {
            return Task.FromException<ReadOnlyMemory<byte>>(exception);
        }
    }

    /// <summary>
    /// Lets user code run until it completes or can go no further: its queue is empty and it has found new steps,
    /// which never complete in this call. Code that awaits something other than a step is waited for.
    /// </summary>
    private static async Task SettleAsync(RunnerSynchronizationContext loop, Task run, FunctionExecution execution, CancellationToken cancellationToken)
    {
        while (true)
        {
            loop.Drain();
            if (run.IsCompleted)
            {
                return;
            }

            if (execution.Found.Count > 0 && loop.IsEmpty)
            {
                // Parallel branches reach their steps in continuations that may still be on their way (for example
                // after ConfigureAwait(false)); give them a few turns before concluding.
                var settled = true;
                for (var i = 0; i < 3 && settled; i++)
                {
                    await Task.Yield();
                    settled = loop.IsEmpty && !run.IsCompleted;
                }

                if (settled)
                {
                    return;
                }

                continue;
            }

            // Re-arm the signal, then look again: a step found by code running off the loop (after ConfigureAwait(false))
            // between the check above and the reset would otherwise leave nothing to wake the wait below.
            execution.ResetStepFound();
            if (!loop.IsEmpty || run.IsCompleted || execution.Found.Count > 0)
            {
                continue;
            }

            await Task.WhenAny(run, loop.WorkAvailable, execution.StepFound, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private static CallResponse Complete(Task<ReadOnlyMemory<byte>> run, CallContext ctx)
    {
        if (run.IsCompletedSuccessfully)
        {
            using var document = JsonDocument.Parse(run.Result);
            return CallResponse.Completed(document.RootElement.Clone());
        }

        Exception exception = run.Exception?.InnerException ?? (Exception?)run.Exception ?? new OperationCanceledException("The function was cancelled.");
        var finalAttempt = ctx.Attempt + 1 >= ctx.MaxAttempts;
        return exception switch
        {
            // A step that failed for good and was not caught fails the run without further retries.
            StepFailedException failed => CallResponse.Failed(failed.Error, retriable: false),
            NonRetriableException => CallResponse.Failed(StepError.From(exception), retriable: false),
            RetryAfterException retry when !finalAttempt => CallResponse.Failed(StepError.From(exception), retriable: true, retry.RetryAfter),
            _ => CallResponse.Failed(StepError.From(exception), retriable: !finalAttempt),
        };
    }

    private static async Task<CallResponse> ExecuteAsync(FoundStep step, CallContext ctx)
    {
        try
        {
            var data = await Task.Run(step.Execute!).ConfigureAwait(false);
            return CallResponse.WithOps([Op(step, OpCodes.StepRun) with { Data = data }]);
        }
        catch (Exception exception)
        {
            var error = StepError.From(exception);
            var final = exception is NonRetriableException || ctx.Attempt + 1 >= ctx.MaxAttempts;
            if (final)
            {
                return CallResponse.WithOps([Op(step, OpCodes.StepFailed) with { Error = error }], noRetry: true);
            }

            var retryAfter = (exception as RetryAfterException)?.RetryAfter;
            return CallResponse.WithOps([Op(step, OpCodes.StepError) with { Error = error }], noRetry: false, retryAfter);
        }
    }

    private static StepOp Plan(FoundStep step) => Op(step, step.IsRunType ? OpCodes.StepPlanned : step.Kind);

    // Every op of a step carries the step's opts (like the JS SDK): the planned op, and the StepRun, StepError or
    // StepFailed op that reports its execution, so Inngest sees e.g. a sendEvent step's type on its result too.
    private static StepOp Op(FoundStep step, string op) => new()
    {
        Op = op,
        Id = step.Hash,
        Name = step.Name,
        Opts = step.Opts,
        DisplayName = step.UserId,
        UserlandId = step.UserId,
        UserlandIndex = step.Index,
    };

    private static CallResponse StepNotFound(string target, IReadOnlyList<FoundStep> found)
        => new()
        {
            StatusCode = 500,
            NoRetry = false,
            Error = new StepError(
                "StepNotFound",
                $"The requested step '{target}' was not reached; the function found {found.Count} new step(s) instead. Did the function's code change since the run started?"),
        };
}
