using System;
using System.Collections.Generic;
using System.Text;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Protocol;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Analyzers.EventNames;

/// <summary>
/// The event-name convention, as plain string logic: <c>domain/noun.verb</c> in lower case with a past-tense verb
/// (<c>billing/invoice.paid</c>); <c>domain/verb</c> (<c>order/placed</c>) is fine too.
/// </summary>
internal static class EventNameRules
{
    public const int MaxLength = EventRules.MaxNameLength;
    public const string ReservedPrefix = EventRules.ReservedPrefix;

    /// <summary>The end of a message when no name can be derived.</summary>
    public const string NoSuggestion = ", e.g. 'billing/invoice.paid'";

    /// <summary>The end of INNG1012's message when the words do not show which one is the verb.</summary>
    public const string HyphenAdvice = "; put the noun first and the verb last, e.g. 'billing/refund.issued'";

    // Namespace segments that say nothing about the domain: the one before them is used instead.
    private static readonly HashSet<string> GenericNamespaceSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "Events", "Event", "Contracts", "Messages", "Models", "Dtos", "Integration", "IntegrationEvents", "Abstractions", "Shared",
    };

    /// <summary>
    /// The problems of <paramref name="name"/>. Errors and the format rule stand alone (the other rules would only
    /// repeat them); a missing domain, hyphenated words and the tense of the verb are independent of each other.
    /// Every finding that a rename repairs carries the same fixed name, <see cref="Conform"/>'s, so that whichever of
    /// them a user (or <c>dotnet format</c>) fixes first, the name ends up the same in one step.
    /// </summary>
    /// <param name="fixTense">Whether fixes may put the verb in the past tense (false when INNG1013 is turned off).</param>
    public static List<EventNameFinding> Check(string name, EventNameSite site, EventNameOptions options, bool fixTense = true)
    {
        var findings = new List<EventNameFinding>();
        if (name.Length == 0)
        {
            findings.Add(new(DiagnosticDescriptors.EventNameLength, [name, "is empty"], null));
            return findings;
        }

        if (name.Length > MaxLength)
        {
            findings.Add(new(DiagnosticDescriptors.EventNameLength, [name.Substring(0, 40) + "...", $"is {name.Length} characters long"], null));
            return findings;
        }

        if (name.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
        {
            // Triggers on Inngest's system events (inngest/function.failed, ...) are legitimate.
            if (!site.IsTrigger && !site.AllowReservedPrefix)
            {
                var renamed = Conform(name, site, options, fixTense);
                findings.Add(new(DiagnosticDescriptors.EventNameReservedPrefix, [name, renamed is not null ? $": rename it to '{renamed}'" : ", e.g. 'app/...'"], renamed));
            }

            return findings;
        }

        var conforming = Conform(name, site, options, fixTense);
        var problem = DescribeFormatProblem(name, site.IsTrigger);
        if (problem is not null)
        {
            findings.Add(new(DiagnosticDescriptors.EventNameFormat, [name, problem, Suggestion(conforming)], conforming));
            return findings;
        }

        var lastSlash = name.LastIndexOf('/');
        if (lastSlash < 0)
        {
            var fixedName = conforming is not null && conforming.IndexOf('/') >= 0 ? conforming : null;
            findings.Add(new(DiagnosticDescriptors.EventNameMissingDomain, [name, Suggestion(fixedName)], fixedName));
        }

        var eventPart = name.Substring(lastSlash + 1);
        if (IsHyphenated(eventPart))
        {
            var fixedName = conforming is not null && !IsHyphenated(EventPart(conforming)) ? conforming : null;
            findings.Add(new(DiagnosticDescriptors.EventNameHyphenatedWords, [name, fixedName is not null ? $": '{fixedName}'" : HyphenAdvice], fixedName));
        }

        var verb = LastWord(eventPart);
        if (verb.Length > 0 && !HasDigitOrWildcard(verb) && !IsPastTense(verb, options))
        {
            var fixedName = conforming is not null && IsPastTense(LastWord(EventPart(conforming)), options) ? conforming : null;
            findings.Add(new(DiagnosticDescriptors.EventNameNotPastTense, [name, verb, fixedName is not null ? $" (rename it to '{fixedName}')" : NoSuggestion], fixedName));
        }

        return findings;
    }

    /// <summary>
    /// <paramref name="name"/> with everything a fix can repair repaired: a reserved <c>inngest/</c> domain or a
    /// missing one replaced by the namespace's, the characters normalized (<see cref="Normalize"/>), hyphenated words
    /// split into noun and verb (<see cref="SplitHyphenatedWords"/>) and, when <paramref name="fixTense"/>, a known verb
    /// put in the past tense (<c>invoice.void</c> becomes <c>invoice.voided</c>). What cannot be repaired without
    /// guessing stays as it is; null when the name cannot be made valid at all.
    /// </summary>
    internal static string? Conform(string name, EventNameSite site, EventNameOptions options, bool fixTense)
    {
        var result = name;
        if (result.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase) && !site.IsTrigger && !site.AllowReservedPrefix)
        {
            if (site.NamespaceDomain is not { } domain || (domain + "/").Equals(ReservedPrefix, StringComparison.OrdinalIgnoreCase))
            {
                return null;
            }

            result = domain + "/" + result.Substring(ReservedPrefix.Length);
        }

        if (DescribeFormatProblem(result, site.IsTrigger) is not null)
        {
            result = Normalize(result, site);
            if (result is null)
            {
                return null;
            }
        }

        if (result.IndexOf('/') < 0 && site.NamespaceDomain is { } namespaceDomain)
        {
            result = namespaceDomain + "/" + result;
        }

        var lastSlash = result.LastIndexOf('/');
        var prefix = result.Substring(0, lastSlash + 1);
        var eventPart = result.Substring(lastSlash + 1);
        var verbKnown = true;
        if (IsHyphenated(eventPart))
        {
            // When the words do not show which one is the verb, neither is the last one put in the past tense.
            var split = SplitHyphenatedWords(eventPart, options, fixTense);
            eventPart = split ?? eventPart;
            verbKnown = split is not null;
        }

        var verb = LastWord(eventPart);
        if (fixTense && verbKnown && verb.Length > 0 && !HasDigitOrWildcard(verb) && !IsPastTense(verb, options) && PastTense.TryGetPastForm(verb, out var past))
        {
            eventPart = eventPart.Substring(0, eventPart.Length - verb.Length) + past;
        }

        result = prefix + eventPart;
        return result.Length <= MaxLength
            && DescribeFormatProblem(result, site.IsTrigger) is null
            && !result.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase)
            ? result
            : null;
    }

    /// <summary>
    /// The event part of a hyphenated name as <c>noun.verb</c>: <c>refund-issued</c> gives <c>refund.issued</c>; words that
    /// read verb-first are turned around, <c>send-receipt</c> giving <c>receipt.sent</c> (<c>receipt.send</c> without
    /// <paramref name="fixTense"/>). Null when the words do not show which one is the verb (<c>refund-issue</c>).
    /// </summary>
    internal static string? SplitHyphenatedWords(string eventPart, EventNameOptions options, bool fixTense)
    {
        var words = eventPart.Split('-');
        var first = words[0];
        var last = words[words.Length - 1];
        if (IsPastTense(last, options))
        {
            return string.Join(".", words);
        }

        var rest = string.Join(".", words, 1, words.Length - 1);
        if (options.AllowedVerbs.Contains(first) || (PastTense.IsPastForm(first) && !PastTense.IsKnownVerb(first)))
        {
            return rest + "." + first;
        }

        // Which word is the verb: a word that is no verb is the noun; of two verbs, one that is also a noun (refund,
        // order) is the noun; two of a kind leave it open, and then there is no fix.
        bool? verbFirst = !PastTense.IsKnownVerb(first) ? false
            : !PastTense.IsKnownVerb(last) ? true
            : PastTense.IsAlsoNoun(first) == PastTense.IsAlsoNoun(last) ? null
            : PastTense.IsAlsoNoun(last);
        if (verbFirst is not { } firstIsVerb)
        {
            return null;
        }

        if (!firstIsVerb)
        {
            return string.Join(".", words);
        }

        if (!fixTense)
        {
            return rest + "." + first;
        }

        return PastTense.TryGetPastForm(first, out var past) ? rest + "." + past : null;
    }

    private static bool IsHyphenated(string eventPart)
        => eventPart.IndexOf('-') >= 0 && eventPart.IndexOf('.') < 0 && eventPart.IndexOf('*') < 0;

    private static string EventPart(string name) => name.Substring(name.LastIndexOf('/') + 1);

    private static string Suggestion(string? fixedName) => fixedName is not null ? $"; rename it to '{fixedName}'" : NoSuggestion;

    /// <summary>A domain from a namespace: its last meaningful segment in lower case (<c>Acme.Billing</c> gives <c>billing</c>).</summary>
    public static string? DomainFromNamespace(INamespaceSymbol? ns)
    {
        var segments = new List<string>();
        for (var n = ns; n is { IsGlobalNamespace: false }; n = n.ContainingNamespace)
        {
            segments.Add(n.Name);
        }

        // segments runs from the innermost namespace outwards.
        foreach (var segment in segments)
        {
            if (!GenericNamespaceSegments.Contains(segment))
            {
                return NameWords.Join(segment, "-");
            }
        }

        return segments.Count > 0 ? NameWords.Join(segments[0], "-") : null;
    }

    /// <summary>What breaks the character rules, or null when the name has only <c>[a-z0-9/._-]</c> and no empty parts.</summary>
    internal static string? DescribeFormatProblem(string name, bool allowWildcard)
    {
        bool upper = false, underscore = false, space = false;
        var others = new List<char>();
        foreach (var c in name)
        {
            if (c is >= 'A' and <= 'Z')
            {
                upper = true;
            }
            else if (c == '_')
            {
                underscore = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                space = true;
            }
            else if (!IsNameChar(c, allowWildcard) && !others.Contains(c) && others.Count < 3)
            {
                others.Add(c);
            }
        }

        var problems = new List<string>();
        if (upper)
        {
            problems.Add("upper-case letters");
        }

        if (underscore)
        {
            problems.Add("'_'");
        }

        if (space)
        {
            problems.Add("spaces");
        }

        foreach (var c in others)
        {
            problems.Add(char.IsLetter(c) ? $"the letter '{c}'" : $"'{c}'");
        }

        if (problems.Count > 0)
        {
            return "contains " + JoinList(problems);
        }

        return HasEmptyPart(name) ? "has an empty part (a leading, trailing or doubled '/', '.' or '-')" : null;
    }

    /// <summary>
    /// The conforming form of a name that breaks the character rules: words split at '_', spaces and case changes,
    /// lower-cased, joined with '.' in the event part and '-' in the domain; a missing domain comes from the site.
    /// Null when it cannot be derived without guessing (characters other than letters, digits and separators).
    /// </summary>
    internal static string? Normalize(string name, EventNameSite site)
    {
        var segments = name.Split('/');
        var parts = new List<string>();
        for (var i = 0; i < segments.Length; i++)
        {
            var isEventPart = i == segments.Length - 1;
            var words = NameWords.Split(segments[i], out var lossy, site.IsTrigger);
            if (lossy)
            {
                return null;
            }

            var builder = new StringBuilder();
            foreach (var word in words)
            {
                if (builder.Length > 0)
                {
                    builder.Append(word.Separator switch
                    {
                        '.' => '.',
                        '-' => '-',
                        _ => isEventPart ? '.' : '-',
                    });
                }

                builder.Append(word.Text);
            }

            if (builder.Length > 0)
            {
                parts.Add(builder.ToString());
            }
        }

        if (parts.Count == 0)
        {
            return null;
        }

        if (parts.Count == 1 && site.NamespaceDomain is { } domain)
        {
            parts.Insert(0, domain);
        }

        var result = string.Join("/", parts);
        return result.Length <= MaxLength
            && DescribeFormatProblem(result, site.IsTrigger) is null
            && !result.StartsWith(ReservedPrefix, StringComparison.OrdinalIgnoreCase)
            ? result
            : null;
    }

    internal static bool IsPastTense(string word, EventNameOptions options)
    {
        return options.AllowedVerbs.Contains(word) || options.PastForms.Contains(word) || PastTense.IsPastForm(word);
    }

    private static string LastWord(string eventPart)
    {
        var end = eventPart.Length;
        var start = eventPart.LastIndexOfAny(['.', '-']) + 1;
        return eventPart.Substring(start, end - start);
    }

    private static bool HasDigitOrWildcard(string word)
    {
        foreach (var c in word)
        {
            if (c is >= '0' and <= '9' or '*')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsNameChar(char c, bool allowWildcard)
        => c is >= 'a' and <= 'z' or >= '0' and <= '9' or '/' or '.' or '-' || (allowWildcard && c == '*');

    private static bool HasEmptyPart(string name)
    {
        foreach (var segment in name.Split('/'))
        {
            if (segment.Length == 0)
            {
                return true;
            }

            foreach (var word in segment.Split('.', '-'))
            {
                if (word.Length == 0)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string JoinList(List<string> items) => items.Count switch
    {
        1 => items[0],
        2 => items[0] + " and " + items[1],
        _ => string.Join(", ", items.GetRange(0, items.Count - 1)) + " and " + items[items.Count - 1],
    };
}
