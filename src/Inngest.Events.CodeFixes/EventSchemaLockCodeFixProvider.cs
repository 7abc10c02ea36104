using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.SchemaLock;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace Inngest.Events.CodeFixes;

/// <summary>
/// "Update inngest-events.lock.json": records the diagnosed event in the lock as it is now (a new event, a new version
/// beside the earlier ones, a compatible change), or removes a locked event whose type is gone (INNG1021, INNG1022).
/// Fix All in a project or solution refreshes every event of each project's lock at once, as
/// <c>dotnet build -p:InngestUpdateEventsLock=true</c> does; breaking changes (INNG1020) are never taken in.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(EventSchemaLockCodeFixProvider), DocumentKinds = [nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument)]), Shared]
public sealed class EventSchemaLockCodeFixProvider : CodeFixProvider
{
    public const string Title = "Update inngest-events.lock.json";
    private const string EquivalenceKey = "Inngest.UpdateEventsLock";

    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(
        DiagnosticIds.EventSchemaChangeNotLocked,
        DiagnosticIds.EventLockEntryMismatch);

    public override FixAllProvider GetFixAllProvider() => new UpdateAllProvider();

    public override Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var project = context.TextDocument.Project;
        if (LockDocument(project) is null)
        {
            return Task.CompletedTask;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            if (diagnostic.Properties.TryGetValue(LockDiagnosticProperties.EventName, out var name) && name is not null)
            {
                context.RegisterCodeFix(
                    CodeAction.Create(Title, ct => UpdateAsync(project.Solution, project.Id, new HashSet<string>(System.StringComparer.Ordinal) { name }, ct), EquivalenceKey),
                    diagnostic);
            }
        }

        return Task.CompletedTask;
    }

    private static TextDocument? LockDocument(Project project)
        => project.AdditionalDocuments
            .Where(d => LockText.IsLock(d.FilePath ?? d.Name))
            .OrderBy(d => d.FilePath ?? d.Name, System.StringComparer.Ordinal)
            .FirstOrDefault();

    /// <summary>The solution with the project's lock rewritten for the named events (all when <paramref name="only"/> is null).</summary>
    private static async Task<Solution> UpdateAsync(Solution solution, ProjectId projectId, ISet<string>? only, CancellationToken cancellationToken)
    {
        var project = solution.GetProject(projectId);
        if (project is null || LockDocument(project) is not { } lockDocument
            || await project.GetCompilationAsync(cancellationToken).ConfigureAwait(false) is not { } compilation)
        {
            return solution;
        }

        var text = await lockDocument.GetTextAsync(cancellationToken).ConfigureAwait(false);
        if (LockText.Parse(text).Lock is not { } existing)
        {
            return solution;
        }

        var updated = EventLockUpdate.Write(compilation, existing, only, cancellationToken);
        return updated == text.ToString()
            ? solution
            : solution.WithAdditionalDocumentText(lockDocument.Id, SourceText.From(updated, text.Encoding, text.ChecksumAlgorithm));
    }

    /// <summary>
    /// Fix All: in a document, the events diagnosed there; in a project or solution, every event of each project that has
    /// a diagnostic to fix, in one rewrite of its lock.
    /// </summary>
    private sealed class UpdateAllProvider : FixAllProvider
    {
        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => [FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution];

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var projects = fixAllContext.Scope == FixAllScope.Solution
                ? fixAllContext.Solution.Projects.ToList()
                : [fixAllContext.Project];
            var work = new List<(ProjectId Project, ISet<string>? Only)>();
            foreach (var project in projects)
            {
                if (LockDocument(project) is null)
                {
                    continue;
                }

                var diagnostics = fixAllContext.Scope == FixAllScope.Document && fixAllContext.Document is { } document
                    ? await fixAllContext.GetDocumentDiagnosticsAsync(document).ConfigureAwait(false)
                    : await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                var names = diagnostics
                    .Select(static d => d.Properties.TryGetValue(LockDiagnosticProperties.EventName, out var n) ? n : null)
                    .OfType<string>()
                    .ToList();
                if (names.Count > 0)
                {
                    work.Add((project.Id, fixAllContext.Scope == FixAllScope.Document ? new HashSet<string>(names, System.StringComparer.Ordinal) : null));
                }
            }

            return work.Count == 0
                ? null
                : CodeAction.Create(Title, async ct =>
                {
                    var solution = fixAllContext.Solution;
                    foreach (var (project, only) in work)
                    {
                        solution = await UpdateAsync(solution, project, only, ct).ConfigureAwait(false);
                    }

                    return solution;
                }, EquivalenceKey);
        }
    }
}
