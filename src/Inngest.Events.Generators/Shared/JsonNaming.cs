using System;

namespace Inngest.Events.Generators.Shared;

/// <summary>
/// System.Text.Json's camel-case naming policy (JsonNamingPolicy.CamelCase), reproduced for compile time:
/// the leading run of upper-case letters is lowered, except the last one of a run followed by a lower-case letter.
/// </summary>
internal static class JsonNaming
{
    public static string CamelCase(string name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsUpper(name[0]))
        {
            return name;
        }

        var chars = name.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (i == 1 && !char.IsUpper(chars[i]))
            {
                break;
            }

            var hasNext = i + 1 < chars.Length;
            if (i > 0 && hasNext && !char.IsUpper(chars[i + 1]))
            {
                if (chars[i + 1] == ' ')
                {
                    chars[i] = char.ToLowerInvariant(chars[i]);
                }

                break;
            }

            chars[i] = char.ToLowerInvariant(chars[i]);
        }

        return new string(chars);
    }
}
