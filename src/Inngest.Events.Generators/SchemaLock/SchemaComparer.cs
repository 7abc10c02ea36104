using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// Compares a locked schema with the current one, member by member through nested types, collection elements and
/// dictionary values. A change is breaking when events already sent may no longer read into the new type (a member
/// made required, a narrower type or range, a value that was allowed and is not), or when readers of new events lose
/// what they relied on (a member removed or renamed, a named value removed); it is compatible when it only widens
/// (a new optional member, a wider type, a new named value). docs/event-schema-lock.md has the table and the reasons.
/// </summary>
internal sealed class SchemaComparer
{
    private readonly LockObject _oldRoot;
    private readonly LockObject _newRoot;
    private readonly List<SchemaChange> _changes = new();
    private readonly HashSet<string> _visited = new(System.StringComparer.Ordinal);

    private SchemaComparer(LockObject oldRoot, LockObject newRoot)
    {
        _oldRoot = oldRoot;
        _newRoot = newRoot;
    }

    public static List<SchemaChange> Compare(LockObject oldRoot, LockObject newRoot)
    {
        var comparer = new SchemaComparer(oldRoot, newRoot);
        comparer.CompareValues(oldRoot, newRoot, "$");
        return comparer._changes;
    }

    private void Breaking(string path, string what) => _changes.Add(new SchemaChange(path, true, what));

    private void Compatible(string path, string what) => _changes.Add(new SchemaChange(path, false, what));

    private void CompareValues(LockNode? oldSchema, LockNode? newSchema, string path)
    {
        if (path.Length > 512)
        {
            return;
        }

        var before = SchemaShape.Of(oldSchema, _oldRoot);
        var after = SchemaShape.Of(newSchema, _newRoot);
        if (before.Open || after.Open)
        {
            CompareOpen(before, after, path);
            return;
        }

        if (before.Nullable && !after.Nullable)
        {
            Breaking(path, "can no longer be null, but events already sent may hold null");
        }
        else if (!before.Nullable && after.Nullable)
        {
            Compatible(path, "may now be null");
        }

        var typesBefore = before.Types;
        var typesAfter = after.Types;
        var lost = typesBefore.Where(t => !typesAfter.Contains(t) && !(t == "integer" && typesAfter.Contains("number"))).ToList();
        var onlyNamedBefore = typesBefore.Count == 0 && before.Consts.Count > 0;
        if (lost.Count > 0)
        {
            Breaking(path, $"changed from {before.Describe()} to {after.Describe()}");
            return;
        }

        if (!onlyNamedBefore && !typesBefore.SetEquals(typesAfter))
        {
            Compatible(path, $"widened from {before.Describe()} to {after.Describe()}");
        }

        CompareNamedValues(before, after, path);
        if (typesBefore.Contains("integer") && typesAfter.Contains("integer"))
        {
            CompareRange(before, after, path);
        }

        if (typesBefore.Contains("string") && typesAfter.Contains("string") && before.Consts.Count == 0)
        {
            CompareStrings(before, after, path);
        }

        if (before.Items is not null || after.Items is not null)
        {
            CompareValues(before.Items, after.Items, path + "[]");
        }

        if (before.Values is not null && after.Values is not null)
        {
            CompareValues(before.Values, after.Values, path + ".*");
        }
        else if (before.Values is not null || after.Values is not null)
        {
            if (before.Object is not null || after.Object is not null)
            {
                Breaking(path, before.Values is not null ? "was a dictionary and is now an object with fixed members" : "was an object with fixed members and is now a dictionary");
                return;
            }
        }

        if (before.Object is not null && after.Object is not null)
        {
            // A recursive type is compared once per pair of definitions.
            if (_visited.Add((before.ObjectRef ?? path) + "|" + (after.ObjectRef ?? path)))
            {
                CompareObjects(before.Object, after.Object, path);
            }
        }
    }

    private void CompareOpen(SchemaShape before, SchemaShape after, string path)
    {
        if (before.Open && after.Open)
        {
            if (before.Converter != after.Converter)
            {
                Compatible(path, before.Converter is null
                    ? $"is now written by {after.Converter}"
                    : after.Converter is null ? $"is no longer written by {before.Converter}" : $"is now written by {after.Converter} instead of {before.Converter}");
            }

            return;
        }

        if (before.Open && before.Converter is null)
        {
            Breaking(path, $"changed from any JSON to {after.Describe()}");
        }
        else if (before.Open)
        {
            Breaking(path, $"was written by {before.Converter} and is now {after.Describe()}; the lock cannot tell whether what the converter wrote still reads");
        }
        else if (after.Converter is not null)
        {
            Breaking(path, $"is now read by {after.Converter}, which the lock cannot check against the {before.Describe()} of events already sent");
        }
        else
        {
            Compatible(path, $"widened from {before.Describe()} to any JSON");
        }
    }

    private void CompareNamedValues(SchemaShape before, SchemaShape after, string path)
    {
        if (before.Consts.Count == 0)
        {
            return;
        }

        if (after.Consts.Count == 0)
        {
            Compatible(path, "its values are no longer named");
            return;
        }

        foreach (var value in before.Consts)
        {
            if (after.Consts.TryGetValue(value.Key, out var name))
            {
                if (name != value.Value)
                {
                    Compatible(path, $"the value {value.Key} is now named '{name}' in C# (was '{value.Value}'); its JSON is unchanged");
                }

                continue;
            }

            var renamed = after.Consts.FirstOrDefault(c => c.Value == value.Value && c.Key != value.Key);
            Breaking(path, renamed.Key is not null
                ? $"the enum value {value.Key} ('{value.Value}') is now written as {renamed.Key}, but events already sent hold {value.Key}"
                : $"the enum value {value.Key} ('{value.Value}') was removed, but events already sent may hold it");
        }

        foreach (var value in after.Consts)
        {
            if (!before.Consts.ContainsKey(value.Key) && !before.Consts.Any(c => c.Value == value.Value && !after.Consts.ContainsKey(c.Key)))
            {
                Compatible(path, $"the enum value {value.Key} ('{value.Value}') was added");
            }
        }
    }

    private void CompareRange(SchemaShape before, SchemaShape after, string path)
    {
        var narrower = (after.Minimum is { } newMin && (before.Minimum is not { } oldMin || newMin > oldMin))
            || (after.Maximum is { } newMax && (before.Maximum is not { } oldMax || newMax < oldMax));
        var wider = (before.Minimum is { } m1 && (after.Minimum is not { } m2 || m2 < m1))
            || (before.Maximum is { } x1 && (after.Maximum is not { } x2 || x2 > x1));
        if (narrower)
        {
            Breaking(path, $"its range narrowed from {Range(before)} to {Range(after)}");
        }
        else if (wider)
        {
            Compatible(path, $"its range widened from {Range(before)} to {Range(after)}");
        }
    }

    private static string Range(SchemaShape shape)
        => $"{shape.Minimum?.ToString(CultureInfo.InvariantCulture) ?? "-∞"}..{shape.Maximum?.ToString(CultureInfo.InvariantCulture) ?? "∞"}";

    private void CompareStrings(SchemaShape before, SchemaShape after, string path)
    {
        foreach (var keyword in after.Strings.Keys.Union(before.Strings.Keys).OrderBy(static k => k, System.StringComparer.Ordinal))
        {
            before.Strings.TryGetValue(keyword, out var old);
            after.Strings.TryGetValue(keyword, out var now);
            if (old == now)
            {
                continue;
            }

            if (now is null)
            {
                Compatible(path, $"no longer restricted by {keyword} {old}");
            }
            else if (keyword == "maxLength" && old is not null && decimal.TryParse(now, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)
                && decimal.TryParse(old, NumberStyles.Float, CultureInfo.InvariantCulture, out var o) && n > o)
            {
                Compatible(path, $"its maximum length grew from {old} to {now}");
            }
            else
            {
                Breaking(path, old is null
                    ? $"is now restricted by {keyword} {now}, which strings in events already sent may not meet"
                    : $"its {keyword} changed from {old} to {now}");
            }
        }
    }

    private void CompareObjects(LockObject before, LockObject after, string path)
    {
        var oldProperties = before["properties"] as LockObject ?? new LockObject();
        var newProperties = after["properties"] as LockObject ?? new LockObject();
        var oldRequired = Required(before);
        var newRequired = Required(after);
        foreach (var property in oldProperties.Members)
        {
            var memberPath = Member(path, property.Key);
            var now = newProperties[property.Key];
            if (now is null)
            {
                var recased = newProperties.Members.FirstOrDefault(p => string.Equals(p.Key, property.Key, System.StringComparison.OrdinalIgnoreCase)).Key;
                Breaking(memberPath, recased is not null
                    ? $"its JSON name changed to '{recased}' (readers in other languages match names exactly)"
                    : "was removed or renamed, but readers of the event rely on it");
                continue;
            }

            var oldShape = SchemaShape.Of(property.Value, _oldRoot);
            var newShape = SchemaShape.Of(now, _newRoot);
            if (!oldShape.WriteOnly && newShape.WriteOnly)
            {
                Breaking(memberPath, "is no longer written, but readers of the event rely on it");
            }
            else if (oldShape.WriteOnly && !newShape.WriteOnly)
            {
                Compatible(memberPath, "is now written");
            }

            if (!oldShape.ReadOnly && newShape.ReadOnly)
            {
                Compatible(memberPath, "is no longer read");
            }
            else if (oldShape.ReadOnly && !newShape.ReadOnly)
            {
                Compatible(memberPath, "is now read");
            }

            if (!oldRequired.Contains(property.Key) && newRequired.Contains(property.Key))
            {
                Breaking(memberPath, "is now required, but events already sent may not have it");
            }
            else if (oldRequired.Contains(property.Key) && !newRequired.Contains(property.Key))
            {
                Compatible(memberPath, "is no longer required");
            }

            CompareValues(property.Value, now, memberPath);
        }

        foreach (var property in newProperties.Members)
        {
            if (oldProperties.Contains(property.Key)
                || oldProperties.Members.Any(p => string.Equals(p.Key, property.Key, System.StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            var memberPath = Member(path, property.Key);
            if (newRequired.Contains(property.Key))
            {
                Breaking(memberPath, "is a new required member, which events already sent do not have");
            }
            else
            {
                Compatible(memberPath, "is a new optional member");
            }
        }
    }

    private static HashSet<string> Required(LockObject schema)
        => new((schema["required"] as LockArray)?.Items.OfType<LockString>().Select(static s => s.Value) ?? Enumerable.Empty<string>(), System.StringComparer.Ordinal);

    private static string Member(string path, string name)
        => name.Length > 0 && name.All(static c => char.IsLetterOrDigit(c) || c == '_')
            ? path + "." + name
            : path + "['" + name.Replace("\\", "\\\\").Replace("'", "\\'") + "']";
}
