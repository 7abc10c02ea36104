using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// What updating the lock writes: every [Event] type of the compilation recorded as it is now (new events added, a new
/// version recorded beside the earlier ones, compatible changes taken in), locked events whose type is gone removed,
/// and events with a breaking change left as locked (INNG1020 stands until the type gets a new version).
/// </summary>
internal static class EventLockUpdate
{
    /// <summary>The new lock text, for all events or only those named in <paramref name="only"/>.</summary>
    public static string Write(Compilation compilation, EventLockFile existing, ISet<string>? only, CancellationToken cancellationToken)
    {
        var updates = new List<EventSnapshot>();
        var declared = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var type in SourceEvents.All(compilation, cancellationToken))
        {
            var name = EventSnapshot.Identity(type)!.Value.Name;
            declared.Add(name);
            if ((only is not null && !only.Contains(name)) || EventSnapshot.Create(type, compilation, cancellationToken) is not { } snapshot)
            {
                continue;
            }

            var status = EventLockCheck.Of(existing, snapshot).Status;
            if (status is not (LockStatus.UpToDate or LockStatus.Breaking))
            {
                updates.Add(snapshot);
            }
        }

        var removals = existing.Events.Keys.Where(n => !declared.Contains(n) && (only is null || only.Contains(n))).ToList();
        return EventLockWriter.Write(existing, updates, removals);
    }
}
