using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Inngest.Events.CodeFixes;

/// <summary>
/// Fix All for event renames: collects the renames of every diagnostic in the scope and applies them in one pass over
/// the solution (<see cref="EventRenames"/>), so that an event and the triggers that name it change together, and an
/// event reported twice (a missing domain and hyphenated words) is renamed once.
/// </summary>
internal sealed class EventRenameFixAllProvider : FixAllProvider
{
    public static readonly EventRenameFixAllProvider Instance = new();

    public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
        => ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution);

    public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
    {
        IEnumerable<Document> documents = fixAllContext.Scope switch
        {
            FixAllScope.Document when fixAllContext.Document is { } document => [document],
            FixAllScope.Project => fixAllContext.Project.Documents,
            FixAllScope.Solution => fixAllContext.Solution.Projects.SelectMany(p => p.Documents),
            _ => [],
        };

        var renames = new Dictionary<string, string>(System.StringComparer.Ordinal);
        foreach (var document in documents)
        {
            var diagnostics = await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false);
            if (diagnostics.IsEmpty || await document.GetSyntaxRootAsync(fixAllContext.CancellationToken).ConfigureAwait(false) is not { } root)
            {
                continue;
            }

            foreach (var diagnostic in diagnostics)
            {
                if (EventRenames.TryRead(root, diagnostic, out var oldName, out var newName) && !renames.ContainsKey(oldName))
                {
                    renames.Add(oldName, newName);
                }
            }
        }

        if (renames.Count == 0)
        {
            return null;
        }

        var solution = fixAllContext.Solution;
        return CodeAction.Create(
            renames.Count == 1 ? $"Rename the event to '{renames.Values.First()}'" : $"Rename {renames.Count} events to conforming names",
            ct => EventRenames.ApplyAsync(solution, renames, ct),
            fixAllContext.CodeActionEquivalenceKey ?? EventNameCodeFixProvider.EquivalenceKey);
    }
}
