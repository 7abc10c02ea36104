using Inngest.Events.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// The generated <c>AddFunctions()</c> is reachable where users already are (with only the usings that
/// <c>AddInngest</c> needs), and two assemblies' registries never collide: an app and its test project that sees the
/// app's internals, and an app referencing a library with functions of its own. Each case is compiled, generators
/// run, and the call is bound to the right assembly's registry.
/// </summary>
public sealed class AddFunctionsReachabilityTests
{
    private static string Functions(string ns, string id) => $$"""
        using System.Threading.Tasks;
        using Inngest.Events;

        namespace {{ns}};

        [Event("{{ns.ToLowerInvariant()}}/thing.happened")]
        public partial record ThingHappened(string Id);

        public static class {{ns}}Functions
        {
            [InngestFunction("{{id}}")]
            public static Task Handle(Event<ThingHappened> evt) => Task.CompletedTask;
        }
        """;

    /// <summary>A Program-like file that knows nothing of the generated namespace.</summary>
    private const string Startup = """
        using Microsoft.Extensions.DependencyInjection;

        public static class Startup
        {
            public static IInngestBuilder Configure(IServiceCollection services)
                => services.AddInngest(o => o.AppId = "app").AddFunctions();
        }
        """;

    [Fact]
    public void AddFunctions_needs_no_using_of_its_own()
    {
        var (output, errors) = Build("App", [], Functions("App", "app-fn"), Startup);
        Assert.Empty(errors);
        Assert.Equal("Inngest.Events.Generated.App", BoundNamespace(output, "AddFunctions"));
    }

    [Fact]
    public void Test_project_that_sees_the_apps_internals_and_has_functions_of_its_own_binds_to_its_own()
    {
        var (app, appErrors) = Build("App", [], Functions("App", "app-fn"), "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App.Tests\")]");
        Assert.Empty(appErrors);

        // The test project also imports the namespace the registry lived in before (old code keeps compiling).
        var (tests, testErrors) = Build("App.Tests", [app.ToMetadataReference()], Functions("AppTests", "test-fn"), "using Inngest.Events.Generated;\n" + Startup, """
            public static class UsesTheAppsRegistry
            {
                public static Inngest.Events.InngestFunctionRegistry App() => Inngest.Events.Generated.App.InngestGeneratedFunctions.CreateRegistry("app");

                public static Inngest.Events.InngestFunctionRegistry Own() => InngestGeneratedFunctions.CreateRegistry("tests");
            }
            """);
        Assert.Empty(testErrors);
        Assert.Equal("Inngest.Events.Generated.App_Tests", BoundNamespace(tests, "AddFunctions"));
    }

    [Fact]
    public void Test_project_without_functions_reaches_the_apps_registry_through_its_namespace()
    {
        var (app, _) = Build("App", [], Functions("App", "app-fn"), "[assembly: System.Runtime.CompilerServices.InternalsVisibleTo(\"App.Tests\")]");
        var (tests, errors) = Build("App.Tests", [app.ToMetadataReference()], "using Inngest.Events.Generated.App;\n" + Startup);
        Assert.Empty(errors);
        Assert.Equal("Inngest.Events.Generated.App", BoundNamespace(tests, "AddFunctions"));
    }

    [Fact]
    public void App_referencing_a_library_with_functions_binds_to_its_own_registry()
    {
        var (library, libraryErrors) = Build("Billing.Library", [], Functions("Billing", "billing-fn"), """
            public static class BillingRegistration
            {
                /// <summary>How a library offers its functions to apps: a public method over its own registry.</summary>
                public static Microsoft.Extensions.DependencyInjection.IInngestBuilder AddBillingFunctions(this Microsoft.Extensions.DependencyInjection.IInngestBuilder builder)
                    => builder.AddFunctions();
            }
            """);
        Assert.Empty(libraryErrors);
        var (app, errors) = Build("App", [library.ToMetadataReference()], Functions("App", "app-fn"), Startup, """
            using Microsoft.Extensions.DependencyInjection;

            public static class Both
            {
                public static IInngestBuilder Configure(IServiceCollection services) => services.AddInngest().AddFunctions().AddBillingFunctions();
            }
            """);
        Assert.Empty(errors);
        Assert.Equal("Inngest.Events.Generated.App", BoundNamespace(app, "AddFunctions"));
    }

    /// <summary>Runs both generators; returns the output and every error or warning of the build.</summary>
    private static (Compilation Output, IReadOnlyList<Diagnostic> Problems) Build(string assemblyName, MetadataReference[] references, params string[] sources)
    {
        var compilation = GeneratorHarness.Compile(assemblyName, references, sources);
        var (_, output, diagnostics) = GeneratorHarness.Run(compilation, GeneratorHarness.AllGenerators);
        var problems = diagnostics.Concat(output.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        return (output, problems);
    }

    /// <summary>The namespace of the class declaring the method every call named <paramref name="method"/> in user code binds to.</summary>
    private static string BoundNamespace(Compilation output, string method)
    {
        var namespaces = new HashSet<string>();
        foreach (var tree in output.SyntaxTrees.Where(t => !t.FilePath.EndsWith(".g.cs", StringComparison.Ordinal)))
        {
            var model = output.GetSemanticModel(tree);
            foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>())
            {
                if (call.Expression is MemberAccessExpressionSyntax { Name.Identifier.ValueText: var name } && name == method
                    && call.FirstAncestorOrSelf<MethodDeclarationSyntax>()?.Identifier.ValueText != "AddBillingFunctions")
                {
                    var symbol = Assert.IsAssignableFrom<IMethodSymbol>(model.GetSymbolInfo(call).Symbol);
                    namespaces.Add(symbol.ContainingType.ContainingNamespace.ToDisplayString());
                }
            }
        }

        return Assert.Single(namespaces);
    }
}
