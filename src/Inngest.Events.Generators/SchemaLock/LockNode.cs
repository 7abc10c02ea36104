using System.Collections.Generic;
using System.Linq;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// A JSON value of the lock file, with where it was read from (for diagnostics that point into the file). The
/// analyzers cannot use System.Text.Json, so the lock is read and written with this small model of its own.
/// </summary>
internal abstract class LockNode
{
    /// <summary>Offset of the value's first character in the file, or -1 for a value built in memory.</summary>
    public int Start { get; set; } = -1;

    /// <summary>Length of the value's text in the file.</summary>
    public int Length { get; set; }

    /// <summary>The JSON type's name, for messages.</summary>
    public abstract string Kind { get; }

    /// <summary>Whether two values are the same JSON: objects compare by their members in any order, numbers by their text.</summary>
    public static bool DeepEquals(LockNode? left, LockNode? right)
    {
        switch (left)
        {
            case null:
                return right is null;
            case LockObject a when right is LockObject b:
                if (a.Members.Count != b.Members.Count)
                {
                    return false;
                }

                foreach (var member in a.Members)
                {
                    if (!DeepEquals(member.Value, b[member.Key]))
                    {
                        return false;
                    }
                }

                return true;
            case LockArray a when right is LockArray b:
                return a.Items.Count == b.Items.Count && a.Items.Zip(b.Items, DeepEquals).All(static same => same);
            case LockString a when right is LockString b:
                return a.Value == b.Value;
            case LockNumber a when right is LockNumber b:
                return a.Text == b.Text;
            case LockLiteral a when right is LockLiteral b:
                return a.Text == b.Text;
            default:
                return false;
        }
    }
}
