using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>
/// Checks every [Event] type of the project against <c>inngest-events.lock.json</c> (an additional file; the package's
/// build props add it when it exists beside the project file): breaking changes to a locked version (INNG1020),
/// compatible changes and new versions not yet recorded (INNG1021), events missing from the lock and locked events whose
/// type is gone (INNG1022), and a lock that cannot be read (INNG1023). Without a lock file it does nothing. Events
/// declared in referenced assemblies are locked by their own project.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class EventSchemaLockAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.EventSchemaBreakingChange,
        DiagnosticDescriptors.EventSchemaChangeNotLocked,
        DiagnosticDescriptors.EventLockEntryMismatch,
        DiagnosticDescriptors.EventLockUnreadable);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(static start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.EventAttribute) is null
                || LockText.Find(start.Options.AdditionalFiles) is not { } file
                || file.GetText(start.CancellationToken) is not { } text)
            {
                return;
            }

            // While the update command runs, what it is about to write into the lock is not reported (a project that
            // treats warnings as errors could not update its lock otherwise); breaking changes still are.
            var updating = start.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue(LockDiagnosticProperties.UpdateProperty, out var flag)
                && string.Equals(flag, "true", System.StringComparison.OrdinalIgnoreCase);
            var parsed = LockText.Parse(text);
            if (parsed.Lock is not { } lockFile)
            {
                start.RegisterAdditionalFileAction(context =>
                {
                    if (context.AdditionalFile.Path != file.Path)
                    {
                        return;
                    }

                    var line = text.Lines.GetLinePosition(parsed.Position);
                    context.ReportDiagnostic(Diagnostic.Create(
                        DiagnosticDescriptors.EventLockUnreadable,
                        LockText.Location(file, text, parsed.Position, 1),
                        parsed.Error,
                        (line.Line + 1).ToString(CultureInfo.InvariantCulture),
                        (line.Character + 1).ToString(CultureInfo.InvariantCulture)));
                });
                return;
            }

            start.RegisterSymbolAction(context => AnalyzeType(context, lockFile, updating), SymbolKind.NamedType);
            if (!updating && lockFile.Events.Count > 0)
            {
                start.RegisterAdditionalFileAction(context =>
                {
                    if (context.AdditionalFile.Path == file.Path)
                    {
                        ReportGoneEvents(context, file, text, lockFile);
                    }
                });
            }
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, EventLockFile lockFile, bool updating)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (EventSnapshot.Identity(type) is not { } identity
            || EventSnapshot.Create(type, identity, context.Compilation, context.CancellationToken) is not { } snapshot)
        {
            return;
        }

        var check = EventLockCheck.Of(lockFile, snapshot);
        if (check.Status == LockStatus.UpToDate || (updating && check.Status != LockStatus.Breaking))
        {
            // The usual build: nothing to report, so nothing of a message is put together.
            return;
        }

        var location = type.Locations.FirstOrDefault(static l => l.IsInSource);
        var version = snapshot.Version.Length == 0 ? "without a version" : "version " + VersionOrder.Describe(snapshot.Version);
        var properties = ImmutableDictionary<string, string?>.Empty.Add(LockDiagnosticProperties.EventName, snapshot.Name);
        switch (check.Status)
        {
            case LockStatus.Breaking:
                foreach (var change in check.Changes)
                {
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.EventSchemaBreakingChange, location, snapshot.Name, version, change.Path, change.What));
                }

                break;
            case LockStatus.Compatible or LockStatus.NewVersion:
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.EventSchemaChangeNotLocked,
                    location,
                    properties,
                    snapshot.Name,
                    version,
                    check.Status == LockStatus.Compatible
                        ? "has changes that the lock does not record yet: " + check.Describe()
                        : $"is not in the lock yet, which records {check.Locked!.DescribeVersions()} (the lock keeps them for events already sent)"));
                break;
            case LockStatus.NotLocked:
                context.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.EventLockEntryMismatch,
                    location,
                    properties,
                    $"The event type '{type.Name}' ('{snapshot.Name}') is not in inngest-events.lock.json, so changes to its schema are not checked"));
                break;
        }
    }

    private static void ReportGoneEvents(AdditionalFileAnalysisContext context, AdditionalText file, Microsoft.CodeAnalysis.Text.SourceText text, EventLockFile lockFile)
    {
        var declared = SourceEvents.Declared(context.Compilation, lockFile.Events.Values, context.CancellationToken);
        List<LockedEvent>? gone = null;
        foreach (var locked in lockFile.Events.Values)
        {
            if (!declared.Contains(locked.Name))
            {
                (gone ??= new List<LockedEvent>()).Add(locked);
            }
        }

        if (gone is null)
        {
            // The usual build: every locked event is declared, and nothing needs sorting.
            return;
        }

        foreach (var locked in gone.OrderBy(static e => e.Name, System.StringComparer.Ordinal))
        {
            var reference = SourceEvents.DeclaringReference(context.Compilation, locked.Name, context.CancellationToken);
            var where = reference is null
                ? "no [Event] type of this project declares it"
                : $"it is now declared in the referenced assembly '{reference}', whose own project locks it";
            var properties = ImmutableDictionary<string, string?>.Empty
                .Add(LockDiagnosticProperties.EventName, locked.Name)
                .Add(LockDiagnosticProperties.Gone, "true");
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.EventLockEntryMismatch,
                LockText.Location(file, text, locked.NameStart, locked.Name.Length + 2),
                properties,
                $"inngest-events.lock.json locks the event '{locked.Name}' (type '{locked.TypeName}'), but {where}; if no such event can still be sent or received, remove it from the lock"));
        }
    }
}
