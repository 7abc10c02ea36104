using System.Collections.Immutable;
using Inngest.Events.Generators.SchemaLock;
using Inngest.Events.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Generators.Tests.SchemaLock;

/// <summary>Writes locks for in-memory sources and runs the lock analyzer against them, as a build with the lock does.</summary>
internal static class LockHarness
{
    public const string LockPath = "/project/inngest-events.lock.json";

    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using Inngest.Events;

        namespace Acme.Shop;

        """;

    /// <summary>The lock a fresh update writes for <paramref name="sources"/>.</summary>
    public static string Lock(params string[] sources) => Update(string.Empty, sources);

    /// <summary>What updating <paramref name="lockText"/> for <paramref name="sources"/> writes.</summary>
    public static string Update(string lockText, params string[] sources)
        => EventLockUpdate.Write(Compile(sources), EventLockFile.Parse(lockText), null, CancellationToken.None);

    public static CSharpCompilation Compile(params string[] sources)
        => GeneratorHarness.Compile(sources.Select(s => s.Contains("namespace ", StringComparison.Ordinal) ? s : Usings + s).ToArray());

    /// <summary>The lock analyzer's diagnostics for <paramref name="sources"/> with <paramref name="lockText"/> (no lock file when null).</summary>
    public static Task<ImmutableArray<Diagnostic>> AnalyzeAsync(string? lockText, params string[] sources)
        => AnalyzeAsync(Compile(sources), lockText);

    public static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Compilation compilation, string? lockText, bool updating = false)
    {
        var (_, output, _) = GeneratorHarness.Run((CSharpCompilation)compilation);
        var files = lockText is null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create<AdditionalText>(new InMemoryAdditionalText(LockPath, lockText));
        var options = new AnalyzerOptions(files, new LockOptions(updating));
        var exceptions = new List<Exception>();
        var withAnalyzers = output.WithAnalyzers(
            [new EventSchemaLockAnalyzer()],
            new CompilationWithAnalyzersOptions(options, (e, _, _) => exceptions.Add(e), concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
        Assert.Empty(exceptions);
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        return diagnostics.OrderBy(d => d.Id, StringComparer.Ordinal).ThenBy(d => d.GetMessage(), StringComparer.Ordinal).ToImmutableArray();
    }

    /// <summary>Analyzer options with <c>build_property.InngestUpdateEventsLock</c> set or not.</summary>
    private sealed class LockOptions(bool updating) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(updating);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(bool updating) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(false);

            public override bool TryGetValue(string key, out string value)
            {
                value = "true";
                return updating && key == LockDiagnosticProperties.UpdateProperty;
            }
        }
    }
}
