using System.Collections.Generic;
using System.Text;

namespace Inngest.Events.Generators.Analyzers.Common;

/// <summary>
/// Splits identifiers and names into lower-case words (<c>InvoicePaid</c>, <c>invoice_paid</c>, <c>invoice.paid</c> all
/// give <c>invoice</c>, <c>paid</c>) and joins them again: event-name fixes, event slugs for dedup ids and step ids.
/// </summary>
internal static class NameWords
{
    /// <summary>
    /// The slug of an event name used to prefix dedup ids: the part after the last '/', lower case, with '-' for every
    /// separator (<c>billing/invoice.paid</c> gives <c>invoice-paid</c>). Null when nothing usable is left.
    /// </summary>
    public static string? Slug(string eventName)
    {
        var eventPart = eventName.Substring(eventName.LastIndexOf('/') + 1);
        var builder = new StringBuilder(eventPart.Length);
        foreach (var word in Split(eventPart, out _))
        {
            if (builder.Length > 0)
            {
                builder.Append('-');
            }

            builder.Append(word.Text);
        }

        return builder.Length > 0 ? builder.ToString() : null;
    }

    /// <summary>The words of <paramref name="text"/> joined with <paramref name="separator"/> (<c>InvoicePaid</c>, "-" gives <c>invoice-paid</c>).</summary>
    public static string Join(string text, string separator)
    {
        var builder = new StringBuilder();
        foreach (var word in Split(text, out _))
        {
            if (builder.Length > 0)
            {
                builder.Append(separator);
            }

            builder.Append(word.Text);
        }

        return builder.ToString();
    }

    /// <summary>A lower-case word and the separator before it ('.', '-', or ' ' for any other break).</summary>
    public readonly record struct Word(string Text, char Separator);

    /// <summary>
    /// Splits text into lower-case ASCII words at '.', '-', '_', spaces and case changes
    /// (<c>InvoicePaid</c>, <c>invoiceWasPaid</c>, <c>HTTPRequest</c>). <paramref name="lossy"/> is set when a
    /// character other than those had to be dropped.
    /// </summary>
    public static List<Word> Split(string text, out bool lossy, bool keepWildcard = false)
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
