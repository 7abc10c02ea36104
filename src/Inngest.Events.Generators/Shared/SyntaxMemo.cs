using System;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Shared;

/// <summary>
/// What a semantic transform found for a syntax node, kept with the <see cref="DeclarationFingerprint"/> of the
/// compilation it was found in. Roslyn reruns every semantic transform on every edit (binding the same unchanged code
/// again in the new compilation); a node that is still the same object (its file was not edited) in a compilation
/// whose fingerprint matches (no declaration anywhere changed, the same options and the same referenced assemblies)
/// binds the same way, so its result is reused instead. Entries live as long as their syntax node does (a weak
/// table), and only results whose locations all lie in the node's own file are kept, since an edit elsewhere may move
/// another file's locations without changing any declaration. Each generator instance has its own memo: the host
/// keeps one instance per project across runs, and a new instance (a build) starts empty.
/// </summary>
internal sealed class SyntaxMemo<T>
    where T : class
{
    private readonly ConditionalWeakTable<SyntaxNode, Entry> _entries = new();
    private int _created;

    /// <summary>How many results were computed rather than reused (for tests of what an edit recomputes).</summary>
    public int Created => Volatile.Read(ref _created);

    public T GetOrCreate(SyntaxNode node, Compilation compilation, Func<T> create, Func<T, bool> keep, CancellationToken cancellationToken)
    {
        var fingerprint = DeclarationFingerprint.For(compilation);
        var entry = _entries.GetValue(node, static _ => new Entry());
        if (entry.Value is { } found && fingerprint.Matches(found.Fingerprint, cancellationToken))
        {
            // Remember the newest compilation, so the next edit is compared with this one (one file apart) and the
            // trees of older compilations are not kept alive.
            if (!ReferenceEquals(found.Fingerprint, fingerprint))
            {
                entry.Value = new Snapshot(fingerprint, found.Result);
            }

            return found.Result;
        }

        var result = create();
        Interlocked.Increment(ref _created);
        entry.Value = keep(result) ? new Snapshot(fingerprint, result) : null;
        return result;
    }

    private sealed class Entry
    {
        public volatile Snapshot? Value;
    }

    private sealed class Snapshot
    {
        public Snapshot(DeclarationFingerprint fingerprint, T result)
        {
            Fingerprint = fingerprint;
            Result = result;
        }

        public DeclarationFingerprint Fingerprint { get; }

        public T Result { get; }
    }
}
