using System;
using System.Collections.Generic;
using System.Globalization;

namespace Inngest.Events.Generators.Analyzers.Common;

/// <summary>Hands out step ids for fixes that add steps, unique within a function: <c>send-invoice-paid</c>, then <c>send-invoice-paid-2</c>.</summary>
internal sealed class StepIdAllocator
{
    private readonly HashSet<string> _used = new(StringComparer.Ordinal);

    /// <summary>Marks an id the function already uses.</summary>
    public void Reserve(string id) => _used.Add(id);

    public string Allocate(string id)
    {
        var candidate = id;
        for (var n = 2; !_used.Add(candidate); n++)
        {
            candidate = id + "-" + n.ToString(CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}
