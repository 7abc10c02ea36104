using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Events.Generators.Shared;

/// <summary>C# string literals for generated code.</summary>
internal static class Literals
{
    /// <summary>
    /// <paramref name="text"/> as a quoted C# literal, as <c>SymbolDisplay.FormatLiteral(text, quote: true)</c> writes
    /// it; text of printable ASCII without quotes or backslashes (JSON names, type names) is only wrapped in quotes.
    /// </summary>
    public static string Quote(string text)
    {
        foreach (var c in text)
        {
            if (c < ' ' || c > '~' || c == '"' || c == '\\')
            {
                return SymbolDisplay.FormatLiteral(text, quote: true);
            }
        }

        return "\"" + text + "\"";
    }
}
