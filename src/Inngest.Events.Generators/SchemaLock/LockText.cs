using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>The lock file among a project's additional files, read once per text.</summary>
internal static class LockText
{
    private static readonly ConditionalWeakTable<SourceText, Parsed> Cache = new();

    /// <summary>A lock read from its text: the lock, or what is wrong and where.</summary>
    public sealed record Parsed(EventLockFile? Lock, string? Error, int Position);

    /// <summary>Whether an additional file is the lock (by its name, <see cref="EventLockFile.FileName"/>).</summary>
    public static bool IsLock(string path)
    {
        var slash = System.Math.Max(path.LastIndexOf('/'), path.LastIndexOf('\\'));
        return string.Equals(path.Substring(slash + 1), EventLockFile.FileName, System.StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The lock file of the analyzer options, or null: the rules are off without one.</summary>
    public static AdditionalText? Find(System.Collections.Immutable.ImmutableArray<AdditionalText> files)
    {
        AdditionalText? found = null;
        foreach (var file in files)
        {
            if (IsLock(file.Path) && (found is null || string.CompareOrdinal(file.Path, found.Path) < 0))
            {
                found = file;
            }
        }

        return found;
    }

    public static Parsed Parse(SourceText text)
        => Cache.GetValue(text, static t =>
        {
            try
            {
                return new Parsed(EventLockFile.Parse(t.ToString()), null, 0);
            }
            catch (LockFormatException exception)
            {
                return new Parsed(null, exception.Message, System.Math.Min(System.Math.Max(exception.Position, 0), t.Length));
            }
        });

    /// <summary>A location in the lock file.</summary>
    public static Location Location(AdditionalText file, SourceText text, int position, int length = 0)
    {
        position = System.Math.Min(System.Math.Max(position, 0), text.Length);
        length = System.Math.Min(System.Math.Max(length, 0), text.Length - position);
        var span = new TextSpan(position, length);
        return Microsoft.CodeAnalysis.Location.Create(file.Path, span, text.Lines.GetLinePositionSpan(span));
    }
}
