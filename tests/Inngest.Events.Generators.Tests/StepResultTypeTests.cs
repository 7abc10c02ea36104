using Inngest.Events.Generators.Functions;
using Inngest.Events.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// The function generator finds step result types without binding whole calls where it can (one speculative
/// binding of a lambda's body, with a semantic model that skips nullable analysis): for every call shape it must
/// agree with what binding the call says, or leave the call to that binding.
/// </summary>
public sealed class StepResultTypeTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Linq;
        using System.Threading.Tasks;
        using Inngest.Events;

        [Event("shop/order.placed")]
        public partial record OrderPlaced(string OrderId, IReadOnlyList<int> Counts);

        public sealed record Receipt(string OrderId);

        public interface IRepository
        {
            Task<Receipt> LoadAsync(string id);
            Task SaveAsync(Receipt receipt);
            ValueTask<int> CountAsync();
            Receipt Load(string id);
            void Touch();
        }

        public sealed class NotSteps
        {
            public Task<T> RunAsync<T>(string id, Func<T> f) => Task.FromResult(f());
        }

        public static class Shapes
        {
            [InngestFunction("shapes")]
            public static async Task Run(Event<OrderPlaced> order, IStepTools step, IRepository repository, NotSteps other)
            {
                var total = await step.RunAsync("sum", () => order.Data.Counts.Sum(c => c * 2));
                var receipt = await step.RunAsync("load", () => repository.Load(order.Data.OrderId));
                var awaited = await step.RunAsync("load-async", async () => await repository.LoadAsync("a"));
                var task = await step.RunAsync("task", () => repository.LoadAsync("b"));
                await step.RunAsync("save", () => repository.SaveAsync(receipt));
                await step.RunAsync("save-async", async () => await repository.SaveAsync(receipt));
                await step.RunAsync("touch", () => repository.Touch());
                var count = await step.RunAsync("value-task", () => repository.CountAsync());
                var explicitType = await step.RunAsync<Receipt?>("explicit", () => (Receipt?)null);
                var block = await step.RunAsync("block", () => { var r = repository.Load("c"); return r; });
                var asyncValue = await step.RunAsync("async-value", async () => 42);
                var nullable = await step.RunAsync("nullable", () => (int?)total);
                var array = await step.RunAsync("array", () => new[] { receipt, awaited });
                var list = await step.RunAsync("list", () => new List<Receipt> { task });
                var fromLocal = await step.RunAsync("from-local", () => explicitType ?? receipt);
                var tuple = await step.RunAsync("tuple", () => (total, count));
                var anonymous = await step.RunAsync("anonymous", () => new { A = 1 });
                var invoked = await step.InvokeAsync("invoke", new FunctionReference<OrderPlaced, Receipt>("other"), order.Data);
                var invokedExplicit = await step.InvokeAsync<OrderPlaced, int>("invoke-explicit", new FunctionReference<OrderPlaced, int>("other"), order.Data);
                var notStep = await other.RunAsync("x", () => 1);
                var lambdas = await Task.WhenAll(order.Data.Counts.Select(i => step.RunAsync($"each-{i}", () => i + total)));
                _ = (block, asyncValue, nullable, array, list, fromLocal, tuple, anonymous, invoked, invokedExplicit, notStep, lambdas);
            }
        }
        """;

    [Fact]
    public void This_host_binds_bodies_without_nullable_analysis()
        => Assert.True(BodySemanticModel.SkipsNullableAnalysis, "Roslyn's SemanticModelOptions.DisableNullableAnalysis was not found; the generator falls back to slower binding.");

    [Fact]
    public void The_quick_answer_agrees_with_binding_the_call()
    {
        var compilation = GeneratorHarness.Compile(Source);
        var tree = compilation.SyntaxTrees.Single();
        var quickModel = BodySemanticModel.For(compilation, tree);
        var fullModel = compilation.GetSemanticModel(tree);
        var found = 0;
        foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(FunctionGenerator.ResultTypes.IsCandidate))
        {
            var quick = FunctionGenerator.ResultTypes.QuickResultType(quickModel, call, CancellationToken.None, out var type);
            var bound = Bound(fullModel, call);
            switch (quick)
            {
                case FunctionGenerator.ResultTypes.Quick.NotAStep:
                    Assert.True(bound.Method is null, $"Quick says '{call}' is no step call, binding says it is.");
                    break;
                case FunctionGenerator.ResultTypes.Quick.Found:
                    found++;
                    Assert.True(bound.Method is not null, $"Quick says '{call}' is a step call, binding says it is not.");
                    Assert.True(
                        SymbolEqualityComparer.Default.Equals(type, bound.Result),
                        $"'{call}': quick {type?.ToDisplayString() ?? "(none)"}, bound {bound.Result?.ToDisplayString() ?? "(none)"}");
                    break;
            }
        }

        // Most shapes are answered without binding the call (the others are left to it).
        Assert.True(found >= 14, $"Only {found} calls were answered quickly.");
    }

    private static (IMethodSymbol? Method, ITypeSymbol? Result) Bound(SemanticModel model, InvocationExpressionSyntax call)
    {
        var info = model.GetSymbolInfo(call);
        var symbol = info.Symbol ?? (info.CandidateSymbols.Length == 1 ? info.CandidateSymbols[0] : null);
        if (symbol is not IMethodSymbol { ContainingType.Name: "IStepTools" } method)
        {
            return (null, null);
        }

        return (method, method.Name switch
        {
            "RunAsync" when method.TypeArguments.Length == 1 => method.TypeArguments[0],
            "InvokeAsync" => method.TypeArguments[1],
            _ => null,
        });
    }
}
