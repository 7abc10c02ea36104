using System.Collections.Generic;
using System.Linq;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// Writes the lock: the events of <paramref name="existing"/> as they are, except those updated (their type and current
/// version replaced, the current version's schema recorded beside the earlier versions) and those removed. Events are
/// ordered by name and versions by <see cref="VersionOrder"/>, so the same input always gives the same bytes.
/// </summary>
internal static class EventLockWriter
{
    public static string Write(EventLockFile existing, IEnumerable<EventSnapshot> updates, IEnumerable<string> removals)
    {
        var events = new SortedDictionary<string, (string Type, string Current, Dictionary<string, LockObject> Versions)>(System.StringComparer.Ordinal);
        foreach (var locked in existing.Events.Values)
        {
            events[locked.Name] = (locked.TypeName, locked.Current, locked.Versions.ToDictionary(static v => v.Key, static v => v.Value.Node, System.StringComparer.Ordinal));
        }

        foreach (var name in removals)
        {
            events.Remove(name);
        }

        foreach (var snapshot in updates)
        {
            var versions = events.TryGetValue(snapshot.Name, out var entry) ? entry.Versions : new Dictionary<string, LockObject>(System.StringComparer.Ordinal);
            versions[snapshot.Version] = snapshot.Schema;
            events[snapshot.Name] = (snapshot.TypeName, snapshot.Version, versions);
        }

        var eventsNode = new LockObject();
        foreach (var pair in events)
        {
            var versions = new LockObject();
            foreach (var version in VersionOrder.Sort(pair.Value.Versions.Keys))
            {
                versions.Set(version, pair.Value.Versions[version]);
            }

            eventsNode.Set(pair.Key, new LockObject()
                .Set("type", new LockString(pair.Value.Type))
                .Set("current", new LockString(pair.Value.Current))
                .Set("versions", versions));
        }

        var document = new LockObject()
            .Set("$comment", new LockString(EventLockFile.Comment))
            .Set("lockVersion", LockNumber.Of(EventLockFile.FormatVersion))
            .Set("events", eventsNode);
        return LockJsonWriter.Write(document);
    }
}
