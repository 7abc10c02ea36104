using System.Collections.Generic;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>A JSON object; members keep their order, names are unique.</summary>
internal sealed class LockObject : LockNode
{
    // Schemas are many small objects: names are looked up by a scan until there are enough of them for a dictionary.
    private const int IndexFrom = 8;

    private Dictionary<string, int>? _index;
    private Dictionary<string, int>? _nameStarts;

    public List<KeyValuePair<string, LockNode>> Members { get; } = new();

    /// <summary>Where each member's name starts in the file (for objects read from it).</summary>
    public Dictionary<string, int> NameStarts => _nameStarts ??= new(System.StringComparer.Ordinal);

    public override string Kind => "an object";

    public LockNode? this[string name] => IndexOf(name) is var i and >= 0 ? Members[i].Value : null;

    /// <summary>Adds or replaces a member.</summary>
    public LockObject Set(string name, LockNode value)
    {
        var i = IndexOf(name);
        if (i >= 0)
        {
            Members[i] = new KeyValuePair<string, LockNode>(name, value);
            return this;
        }

        Members.Add(new KeyValuePair<string, LockNode>(name, value));
        if (_index is not null)
        {
            _index[name] = Members.Count - 1;
        }
        else if (Members.Count > IndexFrom)
        {
            _index = new Dictionary<string, int>(System.StringComparer.Ordinal);
            for (var m = 0; m < Members.Count; m++)
            {
                _index[Members[m].Key] = m;
            }
        }

        return this;
    }

    public bool Contains(string name) => IndexOf(name) >= 0;

    public string? GetString(string name) => this[name] is LockString s ? s.Value : null;

    private int IndexOf(string name)
    {
        if (_index is not null)
        {
            return _index.TryGetValue(name, out var i) ? i : -1;
        }

        for (var m = 0; m < Members.Count; m++)
        {
            if (string.Equals(Members[m].Key, name, System.StringComparison.Ordinal))
            {
                return m;
            }
        }

        return -1;
    }
}
