using System.Collections.Generic;
using System.Linq;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>A JSON string.</summary>
internal sealed class LockString(string value) : LockNode
{
    public string Value { get; } = value;

    public override string Kind => "a string";
}
