using System.Collections.Generic;
using System.Linq;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>A JSON object; members keep their order, names are unique.</summary>
internal sealed class LockObject : LockNode
{
    private readonly Dictionary<string, int> _index = new(System.StringComparer.Ordinal);

    public List<KeyValuePair<string, LockNode>> Members { get; } = new();

    /// <summary>Where each member's name starts in the file.</summary>
    public Dictionary<string, int> NameStarts { get; } = new(System.StringComparer.Ordinal);

    public override string Kind => "an object";

    public LockNode? this[string name] => _index.TryGetValue(name, out var i) ? Members[i].Value : null;

    /// <summary>Adds or replaces a member.</summary>
    public LockObject Set(string name, LockNode value)
    {
        if (_index.TryGetValue(name, out var i))
        {
            Members[i] = new KeyValuePair<string, LockNode>(name, value);
        }
        else
        {
            _index[name] = Members.Count;
            Members.Add(new KeyValuePair<string, LockNode>(name, value));
        }

        return this;
    }

    public bool Contains(string name) => _index.ContainsKey(name);

    public string? GetString(string name) => this[name] is LockString s ? s.Value : null;
}
