using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// What one schema of the lock allows, read from the JSON Schema forms <see cref="EventSchemaBuilder"/> writes
/// (types, ranges, formats, named values, items, properties through <c>$ref</c>); keywords it does not write are ignored.
/// </summary>
internal sealed class SchemaShape
{
    public bool Open { get; private set; } = true;

    public string? Converter { get; private set; }

    public SortedSet<string> Types { get; } = new(System.StringComparer.Ordinal);

    public bool Nullable { get; private set; }

    public decimal? Minimum { get; private set; }

    public decimal? Maximum { get; private set; }

    public SortedDictionary<string, string?> Strings { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Named values: the constant's JSON text to its C# name.</summary>
    public SortedDictionary<string, string> Consts { get; } = new(System.StringComparer.Ordinal);

    public LockNode? Items { get; private set; }

    public LockNode? Values { get; private set; }

    /// <summary>The object schema (with "properties"), after following <c>$ref</c>.</summary>
    public LockObject? Object { get; private set; }

    /// <summary>The name of the definition the object came from (<c>#</c> or <c>#/$defs/...</c>), for cycles.</summary>
    public string? ObjectRef { get; private set; }

    public bool ReadOnly { get; private set; }

    public bool WriteOnly { get; private set; }

    public static SchemaShape Of(LockNode? schema, LockObject root)
    {
        var shape = new SchemaShape();
        shape.Add(schema, root, 0);
        return shape;
    }

    private void Add(LockNode? schema, LockObject root, int depth)
    {
        if (depth > 16 || schema is not LockObject obj)
        {
            // true, or an unreadable schema: anything goes.
            return;
        }

        ReadOnly |= obj["readOnly"] is LockLiteral { Text: "true" };
        WriteOnly |= obj["writeOnly"] is LockLiteral { Text: "true" };
        Converter ??= EventSchemaBuilder.ConverterOf(obj.GetString("$comment"));
        if (obj["const"] is { } constant and not (LockObject or LockArray))
        {
            Open = false;
            Consts[Text(constant)] = obj.GetString("title") ?? (constant as LockString)?.Value ?? Text(constant);
            return;
        }

        if (obj["enum"] is LockArray values)
        {
            Open = false;
            foreach (var value in values.Items)
            {
                if (value is LockLiteral { Text: "null" })
                {
                    Nullable = true;
                }
                else if (value is not (LockObject or LockArray))
                {
                    Consts[Text(value)] = (value as LockString)?.Value ?? Text(value);
                }
            }
        }

        switch (obj["type"])
        {
            case LockString type:
                AddType(type.Value);
                break;
            case LockArray types:
                foreach (var type in types.Items.OfType<LockString>())
                {
                    AddType(type.Value);
                }

                break;
        }

        if (obj["minimum"] is LockNumber min && min.AsDecimal() is { } minimum)
        {
            Minimum = Minimum is { } m ? System.Math.Min(m, minimum) : minimum;
        }

        if (obj["maximum"] is LockNumber max && max.AsDecimal() is { } maximum)
        {
            Maximum = Maximum is { } m ? System.Math.Max(m, maximum) : maximum;
        }

        foreach (var keyword in new[] { "format", "pattern", "contentEncoding", "minLength", "maxLength" })
        {
            if (obj[keyword] is { } value and not (LockObject or LockArray))
            {
                Strings[keyword] = Text(value);
            }
        }

        Items ??= obj["items"];
        if (obj["additionalProperties"] is LockObject additional)
        {
            Values ??= additional;
        }

        if (obj["properties"] is LockObject)
        {
            Object ??= obj;
        }

        if (obj.GetString("$ref") is { } reference)
        {
            Open = false;
            ObjectRef ??= reference;
            Add(Resolve(reference, root), root, depth + 1);
        }

        if (obj["anyOf"] is LockArray branches)
        {
            foreach (var branch in branches.Items)
            {
                Add(branch, root, depth + 1);
            }
        }
    }

    private void AddType(string type)
    {
        Open = false;
        if (type == "null")
        {
            Nullable = true;
        }
        else
        {
            Types.Add(type);
        }
    }

    private static LockNode? Resolve(string reference, LockObject root)
    {
        if (reference == "#")
        {
            return root;
        }

        const string prefix = "#/$defs/";
        return reference.StartsWith(prefix, System.StringComparison.Ordinal) && root["$defs"] is LockObject defs
            ? defs[reference.Substring(prefix.Length).Replace("~1", "/").Replace("~0", "~")]
            : null;
    }

    /// <summary>A plain value as JSON text (strings quoted), to compare constants by value.</summary>
    private static string Text(LockNode value) => value switch
    {
        LockString s => "\"" + s.Value + "\"",
        LockNumber n => n.AsDecimal() is { } d ? d.ToString(CultureInfo.InvariantCulture) : n.Text,
        LockLiteral l => l.Text,
        _ => string.Empty,
    };

    /// <summary>The types in words: "integer", "string or null".</summary>
    public string Describe()
    {
        if (Open)
        {
            return Converter is null ? "any JSON" : $"any JSON (written by {Converter})";
        }

        var parts = new List<string>();
        if (Consts.Count > 0)
        {
            parts.Add("one of " + string.Join(", ", Consts.Keys.Take(6)) + (Consts.Count > 6 ? ", ..." : string.Empty));
        }

        parts.AddRange(Types.Select(t => t == "object" && Values is not null ? "a dictionary" : t));
        if (Strings.TryGetValue("format", out var format))
        {
            parts[parts.Count - 1] += $" ({format!.Trim('"')})";
        }

        if (Nullable)
        {
            parts.Add("null");
        }

        return parts.Count == 0 ? "nothing" : string.Join(" or ", parts);
    }
}
