using System.Collections.Immutable;
using System.Reflection;
using Inngest.Events.Generators.Events;
using Inngest.Events.Generators.Functions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Events.Benchmarks.Workloads;

/// <summary>Compilations of synthetic projects and the generators that run on them, as in tests/Inngest.Events.Generators.Tests.</summary>
internal static class Compilations
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<ImmutableArray<MetadataReference>> LazyReferences = new(() => Basic.Reference.Assemblies.Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(EventAttribute).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.DependencyInjection.ActivatorUtilities).Assembly.Location))
        .Append(MetadataReference.CreateFromFile(typeof(Microsoft.Extensions.Logging.ILogger).Assembly.Location))
        .ToImmutableArray());

    public static SyntaxTree Parse(string text, string path) => CSharpSyntaxTree.ParseText(text, ParseOptions, path: path);

    /// <summary>A library compilation with the runtime package referenced (the reference assemblies are read once).</summary>
    public static CSharpCompilation Compile(IEnumerable<SyntaxTree> trees, bool concurrentBuild = true) => CSharpCompilation.Create(
        "Acme.Shop",
        trees,
        LazyReferences.Value,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: concurrentBuild)
            // The .NET SDK passes NoWarn CS1701;CS1702 to every build: the runtime package references net8.0
            // framework assemblies, and these compilations use the net10.0 ones.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
            {
                ["CS1701"] = ReportDiagnostic.Suppress,
                ["CS1702"] = ReportDiagnostic.Suppress,
            }));

    /// <summary>Our two generators, as a user's build runs them.</summary>
    public static ISourceGenerator[] OurGenerators() => [new EventGenerator().AsSourceGenerator(), new FunctionGenerator().AsSourceGenerator()];

    /// <summary>System.Text.Json's source generator from the SDK's targeting pack.</summary>
    public static ISourceGenerator[] JsonGenerator() => [StjGenerator.Create().AsSourceGenerator()];

    public static GeneratorDriver CreateDriver(ISourceGenerator[] generators, bool track) => CSharpGeneratorDriver.Create(
        generators,
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Loads <c>System.Text.Json.SourceGeneration.dll</c> and instantiates its <see cref="IIncrementalGenerator"/>.</summary>
    private static class StjGenerator
    {
        private static readonly Lazy<Type> GeneratorType = new(Load);

        public static IIncrementalGenerator Create() => (IIncrementalGenerator)Activator.CreateInstance(GeneratorType.Value)!;

        private static Type Load()
        {
            string path = StjGeneratorLocator.Find();
            var assembly = Assembly.LoadFrom(path);
            return assembly.GetTypes().SingleOrDefault(t => !t.IsAbstract && typeof(IIncrementalGenerator).IsAssignableFrom(t)
                    && t.GetCustomAttributes<GeneratorAttribute>().Any())
                ?? throw new InvalidOperationException($"{path} holds no incremental generator.");
        }
    }
}
