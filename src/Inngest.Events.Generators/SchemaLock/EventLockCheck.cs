using System.Collections.Generic;
using System.Linq;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>An event's standing against the lock, and the changes behind it.</summary>
internal sealed record EventLockCheck(LockStatus Status, IReadOnlyList<SchemaChange> Changes, LockedEvent? Locked)
{
    public static EventLockCheck Of(EventLockFile lockFile, EventSnapshot snapshot)
    {
        if (!lockFile.Events.TryGetValue(snapshot.Name, out var locked))
        {
            return new EventLockCheck(LockStatus.NotLocked, [], null);
        }

        if (!locked.Versions.TryGetValue(snapshot.Version, out var schema))
        {
            return new EventLockCheck(LockStatus.NewVersion, [], locked);
        }

        // A lock written by the update has the schema in exactly the text the snapshot writes (compared while writing it,
        // in place); anything else is compared as JSON.
        var sameSchema = schema.Matches(snapshot.Schema) || LockNode.DeepEquals(schema.Node, snapshot.Schema);
        if (sameSchema && locked.TypeName == snapshot.TypeName && locked.Current == snapshot.Version)
        {
            return new EventLockCheck(LockStatus.UpToDate, [], locked);
        }

        var changes = sameSchema ? new List<SchemaChange>() : SchemaComparer.Compare(schema.Node, snapshot.Schema);
        if (changes.Any(static c => c.Breaking))
        {
            return new EventLockCheck(LockStatus.Breaking, changes.Where(static c => c.Breaking).ToList(), locked);
        }

        if (locked.TypeName != snapshot.TypeName)
        {
            changes.Add(new SchemaChange("$", false, $"its C# type is now '{snapshot.TypeName}' (was '{locked.TypeName}')"));
        }

        if (locked.Current != snapshot.Version)
        {
            changes.Add(new SchemaChange("$", false, $"its current version is now {VersionOrder.Describe(snapshot.Version)} (was {VersionOrder.Describe(locked.Current)})"));
        }

        if (changes.Count == 0)
        {
            changes.Add(new SchemaChange("$", false, "the schema is written differently (a nested type's name, or how the lock spells it)"));
        }

        return new EventLockCheck(LockStatus.Compatible, changes, locked);
    }

    /// <summary>The changes for a message: the first few, and how many more.</summary>
    public string Describe(int max = 4)
    {
        var shown = string.Join("; ", Changes.Take(max).Select(static c => c.ToString()));
        return Changes.Count > max ? $"{shown}; and {Changes.Count - max} more" : shown;
    }
}
