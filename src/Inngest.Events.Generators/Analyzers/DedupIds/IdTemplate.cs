using System.Collections.Generic;
using System.Text;

namespace Inngest.Events.Generators.Analyzers.DedupIds;

/// <summary>
/// Reads an <c>[Event(Id = "...")]</c> template the way the generator does (<c>{Property}</c> placeholders,
/// <c>{{</c>/<c>}}</c> for literal braces). A malformed template is the generator's INNG1005, so it is only reported
/// as unreadable here.
/// </summary>
internal static class IdTemplate
{
    public static bool TryParse(string template, out List<string> placeholders, out string literalText)
    {
        placeholders = new List<string>();
        var literal = new StringBuilder();
        literalText = string.Empty;
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                literal.Append(c);
                i++;
            }
            else if (c == '{')
            {
                var end = template.IndexOf('}', i + 1);
                if (end < 0)
                {
                    return false;
                }

                var name = template.Substring(i + 1, end - i - 1).Trim();
                if (name.Length == 0)
                {
                    return false;
                }

                placeholders.Add(name);
                i = end;
            }
            else if (c == '}')
            {
                return false;
            }
            else
            {
                literal.Append(c);
            }
        }

        literalText = literal.ToString();
        return true;
    }
}
