using System.Collections.Generic;
using System.Linq;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>A JSON array.</summary>
internal sealed class LockArray : LockNode
{
    public LockArray()
    {
    }

    public LockArray(IEnumerable<LockNode> items) => Items.AddRange(items);

    public List<LockNode> Items { get; } = new();

    public override string Kind => "an array";
}
