using System;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Generators.Analyzers.Common;

/// <summary>
/// Reads a list of words from an .editorconfig option (<c>inngest.event_name.allowed_verbs = send, sync</c>). Items are
/// separated by commas or spaces: .editorconfig itself reads a <c>;</c> or <c>#</c> as the start of a comment.
/// </summary>
internal static class EditorConfigWords
{
    private static readonly char[] Separators = [',', ';', ' ', '\t'];

    public static string[] Read(AnalyzerConfigOptions options, string key)
        => options.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value)
            ? value.Split(Separators, StringSplitOptions.RemoveEmptyEntries)
            : [];
}
