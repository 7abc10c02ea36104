using System.Collections.Generic;
using System.Globalization;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// The lock file, <c>inngest-events.lock.json</c> beside the project file:
/// <code>
/// { "$comment": "...", "lockVersion": 1,
///   "events": { "shop/order.placed": { "type": "Acme.Shop.OrderPlaced", "current": "2",
///                                      "versions": { "1": { JSON Schema }, "2": { JSON Schema } } } } }
/// </code>
/// A version key is the event's <c>v</c>, or empty for an event without a version. An empty file is a lock with no
/// events (a way to start one from the IDE).
/// </summary>
internal sealed class EventLockFile
{
    public const string FileName = "inngest-events.lock.json";
    public const int FormatVersion = 1;
    public const string UpdateCommand = "dotnet build -p:InngestUpdateEventsLock=true";
    public const string Comment = "The JSON Schema (draft 2020-12) of every event's data, per version, as the generated serializer writes and reads it. "
        + "Inngest.Events checks each build against it: a breaking change to a locked version is an error (INNG1020). "
        + "Do not edit by hand; update it with the code fix or '" + UpdateCommand + "'.";

    private EventLockFile(Dictionary<string, LockedEvent> events) => Events = events;

    public static EventLockFile Empty { get; } = new(new Dictionary<string, LockedEvent>(System.StringComparer.Ordinal));

    /// <summary>The locked events by name.</summary>
    public IReadOnlyDictionary<string, LockedEvent> Events { get; }

    /// <summary>Reads a lock; a <see cref="LockFormatException"/> says what is wrong and where.</summary>
    public static EventLockFile Parse(string text)
    {
        if (IsBlank(text))
        {
            return Empty;
        }

        var root = LockJsonReader.Read(text, LockedSchema.Depth);
        if (root is not LockObject document)
        {
            throw new LockFormatException($"the lock must be a JSON object, not {root.Kind}", root.Start);
        }

        var format = document["lockVersion"];
        if (format is not LockNumber number || number.AsDecimal() is not { } version)
        {
            throw new LockFormatException("\"lockVersion\" must be a number (1)", format?.Start ?? document.Start);
        }

        if (version != FormatVersion)
        {
            throw new LockFormatException(
                $"\"lockVersion\" is {number.Text}, but this version of Inngest.Events reads only version {FormatVersion.ToString(CultureInfo.InvariantCulture)} (a newer package may have written it)",
                format.Start);
        }

        var events = new Dictionary<string, LockedEvent>(System.StringComparer.Ordinal);
        var list = document["events"];
        if (list is not LockObject eventsObject)
        {
            throw new LockFormatException("\"events\" must be an object of event names", list?.Start ?? document.Start);
        }

        foreach (var member in eventsObject.Members)
        {
            var nameStart = eventsObject.NameStarts.TryGetValue(member.Key, out var s) ? s : member.Value.Start;
            if (member.Value is not LockObject entry)
            {
                throw new LockFormatException($"the event \"{member.Key}\" must be an object with \"type\", \"current\" and \"versions\"", member.Value.Start);
            }

            var type = entry["type"] as LockString ?? throw Missing(member.Key, entry, "type", "a string");
            var current = entry["current"] as LockString ?? throw Missing(member.Key, entry, "current", "a string");
            var versionsNode = entry["versions"] as LockObject ?? throw Missing(member.Key, entry, "versions", "an object");
            var versions = new Dictionary<string, LockedSchema>(System.StringComparer.Ordinal);
            foreach (var versionEntry in versionsNode.Members)
            {
                if (versionEntry.Value is not LockRaw { Kind: "an object" } schema)
                {
                    throw new LockFormatException($"the schema of the event \"{member.Key}\" version \"{versionEntry.Key}\" must be a JSON Schema object", versionEntry.Value.Start);
                }

                versions[versionEntry.Key] = new LockedSchema(schema);
            }

            if (!versions.ContainsKey(current.Value))
            {
                throw new LockFormatException($"the event \"{member.Key}\" names \"{current.Value}\" as its current version, but \"versions\" has no such entry", current.Start);
            }

            events[member.Key] = new LockedEvent(member.Key, type.Value, current.Value, versions, nameStart);
        }

        return new EventLockFile(events);
    }

    /// <summary>Whether the text is empty, white space, or a byte order mark and white space (what string.Trim removes), read without copying it.</summary>
    private static bool IsBlank(string text)
    {
        var bom = false;
        foreach (var c in text)
        {
            if (c == '\uFEFF' && !bom)
            {
                bom = true;
            }
            else if (!char.IsWhiteSpace(c))
            {
                return false;
            }
        }

        return true;
    }

    private static LockFormatException Missing(string eventName, LockObject entry, string property, string kind)
        => new($"the event \"{eventName}\" needs \"{property}\" ({kind})", entry[property]?.Start ?? entry.Start);
}
