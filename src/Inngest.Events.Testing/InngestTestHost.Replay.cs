using Inngest.Events.Engine.History;
using Inngest.Events.Runner;
using Inngest.Events.Testing.Replay;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Testing;

public sealed partial class InngestTestHost
{
    /// <summary>
    /// Replays <paramref name="history"/> against today's code of its function (found by the history's function id): the
    /// code gets the recorded step results, nothing runs for real, and the result says precisely where the code departs
    /// from the recorded run (a step renamed, reordered, added before a stored one, removed, of another kind, a changed
    /// wait) — whether a deploy would break runs that are under way. Mocks do not apply.
    /// </summary>
    /// <exception cref="InngestAssertionException">The host has no function with the history's id.</exception>
    public Task<ReplayResult> ReplayAsync(RunHistory history, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(history);
        return ReplayAsync(history.Run.FunctionId, history, cancellationToken);
    }

    /// <summary>Replays <paramref name="history"/> against today's code of <paramref name="functionId"/>, as <see cref="ReplayAsync(RunHistory, CancellationToken)"/> does.</summary>
    public Task<ReplayResult> ReplayAsync(string functionId, RunHistory history, CancellationToken cancellationToken = default)
        => ReplayCoreAsync(functionId, history, source: null, cancellationToken);

    /// <summary>Replays <paramref name="history"/> against today's code of <paramref name="function"/>, as <see cref="ReplayAsync(RunHistory, CancellationToken)"/> does.</summary>
    public Task<ReplayResult> ReplayAsync<TData, TResult>(FunctionReference<TData, TResult> function, RunHistory history, CancellationToken cancellationToken = default)
        where TData : IEventData<TData>
    {
        ArgumentNullException.ThrowIfNull(function);
        return ReplayCoreAsync(FunctionIdOf(function), history, source: null, cancellationToken);
    }

    /// <summary>
    /// Replays the history in the file <paramref name="path"/> (a <c>*.run.json</c>; a relative path that does not exist
    /// from the current folder is taken from the test's output folder) against today's code of its function.
    /// </summary>
    /// <exception cref="RunHistoryFormatException">The file is not a run history this version can read.</exception>
    public Task<ReplayResult> ReplayFileAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var file = Path.IsPathRooted(path) || File.Exists(path) ? path : Path.Combine(AppContext.BaseDirectory, path);
        var history = RunHistory.Load(file);
        return ReplayCoreAsync(history.Run.FunctionId, history, path, cancellationToken);
    }

    private Task<ReplayResult> ReplayCoreAsync(string functionId, RunHistory history, string? source, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(functionId);
        ArgumentNullException.ThrowIfNull(history);
        EnsureEngine();
        var merged = _merged!;
        var function = merged.Functions.FirstOrDefault(f => f.Id == functionId)
            ?? throw new InngestAssertionException(
                $"The run history{(source is null ? string.Empty : $" {source}")} is of the function '{functionId}', which the host's registries do not have; they have {Describe(merged.Functions)}.");
        var runner = new FunctionRunner(_provider, merged, AppId, static (_, _) => throw new InvalidOperationException("A replay never sends events."), _provider.GetService<ILoggerFactory>());
        return HistoryReplayer.ReplayAsync(runner, function, history, source, cancellationToken);
    }
}
