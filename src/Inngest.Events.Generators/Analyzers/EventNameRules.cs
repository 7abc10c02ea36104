using System;
using System.Collections.Generic;
using System.Text;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Protocol;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Analyzers;

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

    // Namespace segments that say nothing about the domain: the one before them is used instead.
    private static readonly HashSet<string> GenericNamespaceSegments = new(StringComparer.OrdinalIgnoreCase)
    {
        "Events", "Event", "Contracts", "Messages", "Models", "Dtos", "Integration", "IntegrationEvents", "Abstractions", "Shared",
    };

    /// <summary>
    /// The problems of <paramref name="name"/>. Errors and the format rule stand alone (the other rules would only
    /// repeat them); a missing domain, hyphenated words and the tense of the verb are independent of each other.
    /// </summary>
    public static List<EventNameFinding> Check(string name, EventNameSite site, EventNameOptions options)
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
                findings.Add(new(DiagnosticDescriptors.EventNameReservedPrefix, [name], null));
            }

            return findings;
        }

        var problem = DescribeFormatProblem(name, site.IsTrigger);
        if (problem is not null)
        {
            var fixedName = Normalize(name, site);
            var suggestion = fixedName is not null ? $"; rename it to '{fixedName}'" : NoSuggestion;
            findings.Add(new(DiagnosticDescriptors.EventNameFormat, [name, problem, suggestion], fixedName));
            return findings;
        }

        var lastSlash = name.LastIndexOf('/');
        if (lastSlash < 0)
        {
            var fixedName = site.NamespaceDomain is { } domain && domain.Length + 1 + name.Length <= MaxLength ? domain + "/" + name : null;
            var suggestion = fixedName is not null ? $"; rename it to '{fixedName}'" : NoSuggestion;
            findings.Add(new(DiagnosticDescriptors.EventNameMissingDomain, [name, suggestion], fixedName));
        }

        var prefix = name.Substring(0, lastSlash + 1);
        var eventPart = name.Substring(lastSlash + 1);
        if (eventPart.IndexOf('-') >= 0 && eventPart.IndexOf('.') < 0 && eventPart.IndexOf('*') < 0)
        {
            var fixedName = prefix + eventPart.Replace('-', '.');
            findings.Add(new(DiagnosticDescriptors.EventNameHyphenatedWords, [name, fixedName], fixedName));
        }

        var verb = LastWord(eventPart);
        if (verb.Length > 0 && !HasDigitOrWildcard(verb) && !IsPastTense(verb, options))
        {
            findings.Add(new(DiagnosticDescriptors.EventNameNotPastTense, [name, verb], null));
        }

        return findings;
    }

    /// <summary>
    /// The slug of an event name used to prefix dedup ids: the part after the last '/', lower case, with '-' for every
    /// separator (<c>billing/invoice.paid</c> gives <c>invoice-paid</c>). Null when nothing usable is left.
    /// </summary>
    public static string? Slug(string eventName)
    {
        var eventPart = eventName.Substring(eventName.LastIndexOf('/') + 1);
        var builder = new StringBuilder(eventPart.Length);
        foreach (var word in SplitWords(eventPart, out _))
        {
            if (builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(word.Text);
        }

        return builder.Length > 0 ? builder.ToString() : null;
    }

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
                return JoinWords(segment, "-");
            }
        }

        return segments.Count > 0 ? JoinWords(segments[0], "-") : null;
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
            var words = SplitWords(segments[i], out var lossy, site.IsTrigger);
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

    internal static string JoinWords(string text, string separator)
    {
        var builder = new StringBuilder();
        foreach (var word in SplitWords(text, out _))
        {
            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(word.Text);
        }

        return builder.ToString();
    }

    private static string JoinList(List<string> items) => items.Count switch
    {
        1 => items[0],
        2 => items[0] + " and " + items[1],
        _ => string.Join(", ", items.GetRange(0, items.Count - 1)) + " and " + items[items.Count - 1],
    };

    /// <summary>A lower-case word and the separator before it ('.', '-', or ' ' for any other break).</summary>
    private readonly record struct Word(string Text, char Separator);

    /// <summary>
    /// Splits text into lower-case ASCII words at '.', '-', '_', spaces and case changes
    /// (<c>InvoicePaid</c>, <c>invoiceWasPaid</c>, <c>HTTPRequest</c>). <paramref name="lossy"/> is set when a
    /// character other than those had to be dropped.
    /// </summary>
    private static List<Word> SplitWords(string text, out bool lossy, bool keepWildcard = false)
    {
        var words = new List<Word>();
        var current = new StringBuilder();
        var separator = '\0';
        lossy = false;

        void Flush(char next)
        {
            if (current.Length > 0)
            {
                words.Add(new Word(current.ToString(), words.Count == 0 ? '\0' : separator));
                current.Clear();
                separator = next;
            }
            else if (words.Count > 0 && Strength(next) > Strength(separator))
            {
                separator = next;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var isUpper = c is >= 'A' and <= 'Z';
            if (isUpper || c is >= 'a' and <= 'z' or >= '0' and <= '9' || (keepWildcard && c == '*'))
            {
                if (isUpper && current.Length > 0)
                {
                    var previous = text[i - 1];
                    var nextIsLower = i + 1 < text.Length && text[i + 1] is >= 'a' and <= 'z';
                    if (previous is >= 'a' and <= 'z' or >= '0' and <= '9' || (previous is >= 'A' and <= 'Z' && nextIsLower))
                    {
                        Flush(' ');
                    }
                }

                current.Append(char.ToLowerInvariant(c));
            }
            else
            {
                if (c is not ('.' or '-' or '_') && !char.IsWhiteSpace(c))
                {
                    lossy = true;
                }

                Flush(c is '.' or '-' ? c : ' ');
            }
        }

        Flush(' ');
        return words;

        static int Strength(char separator) => separator switch
        {
            '.' => 3,
            '-' => 2,
            ' ' => 1,
            _ => 0,
        };
    }
}
