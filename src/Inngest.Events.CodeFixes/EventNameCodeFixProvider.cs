using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace Inngest.Events.CodeFixes;

/// <summary>
/// Renames an event to the name the analyzer derived (the same for every name diagnostic of one event): lower case
/// and dot-separated (INNG1011), with the domain taken from the type's namespace (INNG1010) in place of a missing or
/// reserved one (INNG1014), noun and verb split by a dot and turned around when they read verb-first (INNG1012), and a
/// known verb in the past tense (INNG1013). The [Event] declaration and every trigger that names the event are renamed
/// together.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EventNameCodeFixProvider)), Shared]
public sealed class EventNameCodeFixProvider : CodeFixProvider
{
    // One key for every id: `dotnet format` takes the key of the provider's first fix and fixes every id it handles with it.
    internal const string EquivalenceKey = "Inngest.RenameEvent";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.EventNameMissingDomain,
        DiagnosticIds.EventNameFormat,
        DiagnosticIds.EventNameHyphenatedWords,
        DiagnosticIds.EventNameNotPastTense,
        DiagnosticIds.EventNameReservedPrefix);

    public override FixAllProvider GetFixAllProvider() => EventRenameFixAllProvider.Instance;

    public override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            return;
        }

        var solution = context.Document.Project.Solution;
        foreach (var diagnostic in context.Diagnostics)
        {
            if (!EventRenames.TryRead(root, diagnostic, out var oldName, out var newName))
            {
                continue;
            }

            var renames = new Dictionary<string, string>(System.StringComparer.Ordinal) { [oldName] = newName };
            context.RegisterCodeFix(
                CodeAction.Create($"Rename the event to '{newName}'", ct => EventRenames.ApplyAsync(solution, renames, ct), EquivalenceKey),
                diagnostic);
        }
    }
}
