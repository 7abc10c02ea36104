using System.Linq;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Events;

/// <summary>
/// Implements <c>IEventData&lt;T&gt;</c> on every <c>[Event]</c> type: its name, version, default dedup id and a
/// JSON serializer written as plain <c>Utf8JsonWriter</c>/<c>Utf8JsonReader</c> code.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class EventGenerator : IIncrementalGenerator
{
    /// <summary>Models reused across this instance's runs while nothing they depend on changed.</summary>
    internal SyntaxMemo<EventParseResult> Memo { get; } = new();

    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var memo = Memo;
        // The transform only picks the declaration; the model is built below, where a declaration whose file and
        // whose compilation's declarations are unchanged since the last run reuses its model (see SyntaxMemo).
        var declarations = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.EventAttribute,
                static (node, _) => node is TypeDeclarationSyntax,
                static (ctx, _) => (TypeDeclarationSyntax)ctx.TargetNode);
        var results = declarations
            .Combine(context.CompilationProvider)
            .Select((input, ct) => memo.GetOrCreate(
                input.Left,
                input.Right,
                () => Parser.Parse(input.Left, input.Right, ct),
                static result => result.Diagnostics.Count == 0,
                ct))
            .WithTrackingName(TrackingNames.EventModels);

        var diagnostics = results
            .Select(static (r, _) => r.Diagnostics)
            .WithTrackingName(TrackingNames.EventDiagnostics);
        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (var item in items)
            {
                spc.ReportDiagnostic(Diagnostic.Create(
                    DiagnosticDescriptors.Get(item.Id),
                    item.Location?.ToLocation(),
                    item.Arguments.Cast<object>().ToArray()));
            }
        });

        var models = results
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.EventSources);
        context.RegisterSourceOutput(models, static (spc, model) => spc.AddSource(model.HintName, Emitter.Emit(model)));
    }
}
