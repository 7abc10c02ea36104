using System;
using System.Collections.Generic;
using Inngest.Events.Generators.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Generators.Analyzers.EventNames;

/// <summary>
/// The .editorconfig options of the event-name rules:
/// <c>inngest.event_name.allowed_verbs = send, sync</c> accepts command-style final words, and
/// <c>inngest.event_name.past_forms = spun, dealt</c> adds past forms the built-in heuristic does not know.
/// Lists are separated by commas or spaces (.editorconfig reads a semicolon as the start of a comment) and compared in
/// lower case.
/// </summary>
internal sealed class EventNameOptions
{
    public const string AllowedVerbsKey = "inngest.event_name.allowed_verbs";
    public const string PastFormsKey = "inngest.event_name.past_forms";

    public static readonly EventNameOptions Default = new(new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    private EventNameOptions(HashSet<string> allowedVerbs, HashSet<string> pastForms)
    {
        AllowedVerbs = allowedVerbs;
        PastForms = pastForms;
    }

    public HashSet<string> AllowedVerbs { get; }

    public HashSet<string> PastForms { get; }

    public static EventNameOptions From(AnalyzerConfigOptionsProvider provider, SyntaxTree? tree)
    {
        var options = tree is not null ? provider.GetOptions(tree) : provider.GlobalOptions;
        var allowed = Parse(options, AllowedVerbsKey);
        var past = Parse(options, PastFormsKey);
        return allowed.Count == 0 && past.Count == 0 ? Default : new EventNameOptions(allowed, past);
    }

    private static HashSet<string> Parse(AnalyzerConfigOptions options, string key)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in EditorConfigWords.Read(options, key))
        {
            set.Add(item.ToLowerInvariant());
        }

        return set;
    }
}
