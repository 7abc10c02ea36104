using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Functions;

/// <summary>
/// Turns the assembly's <c>[InngestFunction]</c> methods into one generated file: a registry of function
/// definitions (id, triggers, config, a typed handler each), typed references for <c>step.InvokeAsync</c>, JSON
/// metadata for every type steps and functions return, and an <c>AddFunctions()</c> DI extension.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class FunctionGenerator : IIncrementalGenerator
{
    public const string HintName = "Inngest.Events.Generated.InngestFunctions.g.cs";

    /// <summary>Step scope results reused across this instance's runs while nothing they depend on changed.</summary>
    internal SyntaxMemo<StepScopeResult> Memo { get; } = new();

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var memo = Memo;
        var results = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.InngestFunctionAttribute,
                static (node, _) => node is MethodDeclarationSyntax,
                static (ctx, ct) => Parser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.FunctionResults);

        var diagnostics = results
            .Select(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.FunctionDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) => Report(spc, items));

        // Duplicate ids: every function claims its id (and its failure handler's), whether or not it generates.
        var ids = results
            .Select(static (r, _) => r.Ids)
            .Collect()
            .Select(static (all, _) => DuplicateIds(all))
            .WithTrackingName(TrackingNames.FunctionIds);
        context.RegisterSourceOutput(ids, static (spc, items) => Report(spc, items));

        // Step result types: the RunAsync/InvokeAsync calls inside step scopes (see StepScopes), one scope per transform.
        // As for events, a scope whose file and whose compilation's declarations are unchanged reuses its result.
        var scopes = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => StepScopes.IsScope(node), static (ctx, _) => ctx.Node)
            .Combine(context.CompilationProvider)
            .Select((input, ct) => memo.GetOrCreate(
                input.Left,
                input.Right,
                () => StepScopes.Parse(input.Left, input.Right, ct),
                static _ => true,
                ct))
            .WithTrackingName(TrackingNames.StepScopes);

        var scopeDiagnostics = scopes
            .Select(static (s, _) => s.Diagnostics)
            .WithTrackingName(TrackingNames.StepScopeDiagnostics);
        context.RegisterSourceOutput(scopeDiagnostics, static (spc, items) => Report(spc, items));

        var functions = results
            .Select(static (r, _) => (r.Functions, r.ResultTypes, r.Ids))
            .Collect()
            .WithTrackingName(TrackingNames.FunctionModels);
        var stepTypes = scopes
            .Select(static (s, _) => s.Types)
            .Where(static t => t.Count > 0)
            .Collect()
            .Select(static (all, _) => all.SelectMany(static t => t).ToEquatableArray())
            .WithTrackingName(TrackingNames.StepTypes);

        // The registry's namespace is the assembly's own (see Emitter.Namespace), so two assemblies' registries never
        // collide, even when one sees the other's internals.
        var assemblyName = context.CompilationProvider.Select(static (c, _) => c.AssemblyName ?? string.Empty);
        var registry = functions
            .Combine(stepTypes)
            .Combine(assemblyName)
            .Select(static (input, _) => input.Left.Left.Length == 0 ? null : BuildRegistry(input.Left.Left, input.Left.Right, input.Right))
            .WithTrackingName(TrackingNames.FunctionRegistry);
        context.RegisterSourceOutput(registry, static (spc, model) =>
        {
            if (model is not null)
            {
                spc.AddSource(HintName, Emitter.Emit(model));
            }
        });
    }

    /// <summary>
    /// The registry's contents: functions sorted by id (those whose id is used twice are left out, as the
    /// duplicate-id diagnostic says), and the distinct non-primitive result types sorted by name.
    /// </summary>
    private static RegistryModel BuildRegistry(
        ImmutableArray<(EquatableArray<FunctionModel> Functions, EquatableArray<StepTypeModel> ResultTypes, EquatableArray<FunctionIdSite> Ids)> results,
        EquatableArray<StepTypeModel> sites,
        string assemblyName)
    {
        var duplicates = new HashSet<string>(
            results.SelectMany(static r => r.Ids).GroupBy(static s => s.Id, StringComparer.Ordinal).Where(static g => g.Count() > 1).Select(static g => g.Key),
            StringComparer.Ordinal);
        var functions = results
            .Where(r => !r.Ids.Any(s => duplicates.Contains(s.Id)))
            .SelectMany(static r => r.Functions)
            .OrderBy(static f => f.Id, StringComparer.Ordinal)
            .ToEquatableArray();
        var types = results.SelectMany(static r => r.ResultTypes)
            .Concat(sites)
            .Where(static t => t.Kind != StepTypeKind.BuiltIn)
            .GroupBy(static t => t.TypeOfName, StringComparer.Ordinal)
            .Select(static g => g.OrderBy(static t => t.Json.Count > 0 ? t.Json[0].TypeName : string.Empty, StringComparer.Ordinal).First())
            .OrderBy(static t => t.TypeOfName, StringComparer.Ordinal)
            .ToEquatableArray();
        return new RegistryModel(Emitter.Namespace(assemblyName), functions, types);
    }

    private static EquatableArray<DiagnosticInfo> DuplicateIds(ImmutableArray<EquatableArray<FunctionIdSite>> all)
    {
        var sites = all.SelectMany(static ids => ids).ToList();
        return sites
            .GroupBy(static s => s.Id, StringComparer.Ordinal)
            .Where(static g => g.Count() > 1)
            .SelectMany(static g => g.Select(s => new DiagnosticInfo(
                DiagnosticIds.FunctionIdDuplicate,
                s.Location,
                new[] { g.Key, g.Count().ToString(System.Globalization.CultureInfo.InvariantCulture) }.ToEquatableArray())))
            .ToEquatableArray();
    }

    private static void Report(SourceProductionContext context, IEnumerable<DiagnosticInfo> items)
    {
        foreach (var item in items)
        {
            context.ReportDiagnostic(Diagnostic.Create(
                DiagnosticDescriptors.Get(item.Id),
                item.Location?.ToLocation(),
                item.Arguments.Cast<object>().ToArray()));
        }
    }
}
