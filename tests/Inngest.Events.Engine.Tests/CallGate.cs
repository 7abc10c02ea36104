using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// Holds step bodies in flight until the test releases them, and tells the test which ones entered, in order: concurrency
/// tests see which steps execute at once without sleeping.
/// </summary>
internal sealed class CallGate
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _releases = new(StringComparer.Ordinal);
    private readonly Channel<string> _entered = Channel.CreateUnbounded<string>();
    private volatile bool _openAll;

    /// <summary>Every name that entered, in order.</summary>
    public ConcurrentQueue<string> Log { get; } = new();

    /// <summary>Called from a step body: records <paramref name="name"/> and waits until the test releases it.</summary>
    public async Task EnterAsync(string name)
    {
        Log.Enqueue(name);
        _entered.Writer.TryWrite(name);
        if (!_openAll)
        {
            await Release(name).Task;
        }
    }

    /// <summary>The names of the next <paramref name="count"/> step bodies to enter (failing the test after 30 seconds).</summary>
    public async Task<string[]> EnteredAsync(int count)
    {
        using var guard = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var names = new string[count];
        for (var i = 0; i < count; i++)
        {
            names[i] = await _entered.Reader.ReadAsync(guard.Token);
        }

        return names;
    }

    public void Open(string name) => Release(name).TrySetResult();

    /// <summary>Opens every gate when disposed, so a failed test does not leave calls (and the engine's disposal) waiting.</summary>
    public IDisposable OpenAllWhenDone() => new Opener(this);

    private sealed class Opener(CallGate gate) : IDisposable
    {
        public void Dispose()
        {
            gate._entered.Writer.TryComplete();
            foreach (var name in gate.Log)
            {
                gate.Open(name);
            }

            gate._openAll = true;
            foreach (var release in gate._releases.Values)
            {
                release.TrySetResult();
            }
        }
    }

    private TaskCompletionSource Release(string name)
        => _releases.GetOrAdd(name, static _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
