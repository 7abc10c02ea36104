using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace Inngest.Events.Generators.Tests.Infrastructure;

/// <summary>Shorthands for analyzer tests of one analyzer, without or with its code fix.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public static DiagnosticResult Diagnostic(DiagnosticDescriptor descriptor) => new(descriptor);

    /// <summary>Runs the analyzer and compares its diagnostics (and the compiler's errors) with <paramref name="expected"/>.</summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
        => AnalyzerAsync(source, editorConfig: null, expected);

    public static Task AnalyzerAsync(string source, string? editorConfig, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer, EmptyCodeFixProvider> { TestCode = source, EditorConfig = editorConfig };

        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>
    /// Runs the analyzer, applies <typeparamref name="TCodeFix"/> one diagnostic at a time and with Fix All, and compares
    /// the result (which must compile) with <paramref name="fixedSource"/>; <paramref name="remaining"/> are the
    /// diagnostics expected on the fixed code.
    /// </summary>
    public static Task CodeFixAsync<TCodeFix>(string source, DiagnosticResult[] expected, string fixedSource, params DiagnosticResult[] remaining)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new AnalyzerTest<TAnalyzer, TCodeFix> { TestCode = source, FixedCode = fixedSource };
        test.ExpectedDiagnostics.AddRange(expected);
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync();
    }

    /// <summary>
    /// <see cref="CodeFixAsync{TCodeFix}(string, DiagnosticResult[], string, DiagnosticResult[])"/> over several files
    /// (diagnostic locations name them: <c>{|#0:...|}</c> markup works in each), with optional .editorconfig lines.
    /// </summary>
    public static Task CodeFixAsync<TCodeFix>(
        (string Path, string Source)[] sources,
        DiagnosticResult[] expected,
        (string Path, string Source)[] fixedSources,
        string? editorConfig = null,
        params DiagnosticResult[] remaining)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new AnalyzerTest<TAnalyzer, TCodeFix> { EditorConfig = editorConfig };
        test.TestState.Sources.AddRange(sources.Select(s => (s.Path, Microsoft.CodeAnalysis.Text.SourceText.From(s.Source))));
        test.ExpectedDiagnostics.AddRange(expected);

        // The fixed state says exactly which diagnostics remain: by default the ones the fix cannot fix would be carried
        // over, but a fix may remove them too (a client parameter left unread goes, and its INNG3012 with it).
        test.FixedState.InheritanceMode = StateInheritanceMode.Explicit;
        test.FixedState.AdditionalReferences.AddRange(test.TestState.AdditionalReferences);
        test.FixedState.AnalyzerConfigFiles.AddRange(test.TestState.AnalyzerConfigFiles);
        test.FixedState.Sources.AddRange(fixedSources.Select(s => (s.Path, Microsoft.CodeAnalysis.Text.SourceText.From(s.Source))));
        test.FixedState.ExpectedDiagnostics.AddRange(remaining);
        return test.RunAsync();
    }
}
