using System;
using System.Collections.Generic;
using System.Linq;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// The order of versions in the lock: the unversioned one first, then by their text with runs of digits compared as
/// numbers (so "2" comes before "10", and date-like versions such as "2024-01-15.1" stay in date order).
/// </summary>
internal sealed class VersionOrder : IComparer<string>
{
    public static readonly VersionOrder Instance = new();

    public static List<string> Sort(IEnumerable<string> versions) => versions.OrderBy(static v => v, Instance).ToList();

    /// <summary>A version for messages: quoted, or 'no version'.</summary>
    public static string Describe(string version) => version.Length == 0 ? "no version" : $"'{version}'";

    public int Compare(string? x, string? y)
    {
        x ??= string.Empty;
        y ??= string.Empty;
        int i = 0, j = 0;
        while (i < x.Length && j < y.Length)
        {
            if (char.IsDigit(x[i]) && char.IsDigit(y[j]))
            {
                var startX = i;
                var startY = j;
                while (i < x.Length && char.IsDigit(x[i]))
                {
                    i++;
                }

                while (j < y.Length && char.IsDigit(y[j]))
                {
                    j++;
                }

                var a = x.Substring(startX, i - startX).TrimStart('0');
                var b = y.Substring(startY, j - startY).TrimStart('0');
                var byNumber = a.Length != b.Length ? a.Length.CompareTo(b.Length) : string.CompareOrdinal(a, b);
                if (byNumber != 0)
                {
                    return byNumber;
                }
            }
            else
            {
                var byChar = x[i].CompareTo(y[j]);
                if (byChar != 0)
                {
                    return byChar;
                }

                i++;
                j++;
            }
        }

        var byLength = (x.Length - i).CompareTo(y.Length - j);
        return byLength != 0 ? byLength : string.CompareOrdinal(x, y);
    }
}
