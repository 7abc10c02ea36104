using System.Collections.Generic;
using System.Linq;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary><c>true</c>, <c>false</c> or <c>null</c>.</summary>
internal sealed class LockLiteral : LockNode
{
    public static readonly LockLiteral True = new("true");
    public static readonly LockLiteral False = new("false");
    public static readonly LockLiteral Null = new("null");

    private LockLiteral(string text) => Text = text;

    public string Text { get; }

    public override string Kind => Text == "null" ? "null" : "a boolean";

    public static LockLiteral Create(string text) => text switch
    {
        "true" => new LockLiteral("true"),
        "false" => new LockLiteral("false"),
        _ => new LockLiteral("null"),
    };
}
