using Inngest.Events.Generators.Functions;
using Inngest.Events.Generators.Shared;
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

        public sealed record Line(decimal Price, int Quantity);

        public sealed record Total(decimal Value);

        public sealed class Basket
        {
            public List<Line> Lines { get; } = new();

            public int Sum(int start) => start;
        }

        public static class LineExtensions
        {
            public static Total Sum(this Basket basket, Func<Line, decimal> selector) => new(basket.Lines.Sum(selector));
            public static Total Grand(this IEnumerable<Line> lines, Func<Line, decimal> selector) => new(lines.Sum(selector));
            public static T Pick<T>(this T value, Func<T, T> other) => other(value);
            public static int Weigh(this IEnumerable<Line> lines, Func<Line, int> selector) => 0;
            public static decimal Weigh(this IEnumerable<Line> lines, Func<Line, decimal> selector) => 0;
            public static Total Rated(this IEnumerable<Line> lines, Func<Line, decimal> selector) => new(0);
            public static Receipt Rated(this IEnumerable<Line> lines, Func<Line, int> selector) => new("r");
            public static Func<Line, int> Rule => l => l.Quantity;
        }

        public sealed class NotSteps
        {
            public Task<T> RunAsync<T>(string id, Func<T> f) => Task.FromResult(f());
        }

        public static class Shapes
        {
            [InngestFunction("shapes")]
            public static async Task Run(Event<OrderPlaced> order, IStepTools step, IRepository repository, NotSteps other, Basket basket)
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
                var lineTotal = await step.RunAsync("line-total", () => basket.Lines.Sum(l => l.Price * l.Quantity));
                var average = await step.RunAsync("average", async () => basket.Lines.Average(l => l.Quantity));
                var counted = await step.RunAsync("counted", () => basket.Lines.Count(l => l.Quantity > 1));
                var weighed = await step.RunAsync("weighed", () => basket.Lines.Weigh(l => l.Quantity));
                var grand = await step.RunAsync("grand", () => basket.Lines.Grand(l => l.Price));
                var basketSum = await step.RunAsync("basket-sum", () => basket.Sum(l => l.Price));
                var picked = await step.RunAsync("picked", () => receipt.Pick(r => r));
                var rated = await step.RunAsync("rated", () => basket.Lines.Rated(l => l.Price));
                var highest = await step.RunAsync("highest", () => basket.Lines.Max(l => l.Price));
                var staticCall = await step.RunAsync("static-call", () => Enumerable.Sum(basket.Lines, l => l.Price));
                var notLambda = await step.RunAsync("not-lambda", () => basket.Lines.Sum(LineExtensions.Rule));
                _ = (lineTotal, average, counted, weighed, grand, basketSum, picked, rated, highest, staticCall, notLambda);
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
        var answers = new Dictionary<string, FunctionGenerator.ResultTypes.Quick>(StringComparer.Ordinal);
        foreach (var call in tree.GetRoot().DescendantNodes().OfType<InvocationExpressionSyntax>().Where(FunctionGenerator.ResultTypes.IsCandidate))
        {
            var quick = FunctionGenerator.ResultTypes.QuickResultType(quickModel, call, CancellationToken.None, out var type);
            var bound = Bound(fullModel, call);
            if (call.ArgumentList.Arguments is [{ Expression: LiteralExpressionSyntax { Token.Value: string id } }, { Expression: LambdaExpressionSyntax { ExpressionBody: InvocationExpressionSyntax body } }])
            {
                answers[id] = FunctionGenerator.ResultTypes.CallResult(quickModel, call.SpanStart, body, out var candidatesType);
                if (answers[id] == FunctionGenerator.ResultTypes.Quick.Found)
                {
                    Assert.True(SymbolEqualityComparer.Default.Equals(candidatesType, bound.Result), $"'{call}': candidates {candidatesType}, bound {bound.Result}");
                }
            }

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
                case FunctionGenerator.ResultTypes.Quick.BuiltIn:
                    found++;
                    Assert.True(bound.Method is not null, $"Quick says '{call}' is a step call, binding says it is not.");
                    Assert.True(bound.Result is not null && RuntimeStepTypes.IsBuiltIn(bound.Result), $"'{call}': quick says built in, bound {bound.Result?.ToDisplayString() ?? "(none)"}");
                    break;
            }
        }

        // Step bodies that are calls with lambdas, answered from the called method's candidates without binding the
        // lambdas: LINQ aggregates (every candidate returns a built-in type) and calls whose candidates all return one
        // type; mixed, generic, static or non-lambda calls are left to binding (of the body, then of the call).
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.BuiltIn, answers["sum"]);
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.BuiltIn, answers["line-total"]);
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.BuiltIn, answers["average"]);
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.BuiltIn, answers["counted"]);
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.BuiltIn, answers["weighed"]);
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.Found, answers["grand"]);
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.Unknown, answers["basket-sum"]);
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.Unknown, answers["picked"]);
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.Unknown, answers["rated"]);
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.Unknown, answers["highest"]);
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.Unknown, answers["static-call"]);
        Assert.Equal(FunctionGenerator.ResultTypes.Quick.Unknown, answers["not-lambda"]);

        // Most shapes are answered without binding the call (the others are left to it).
        Assert.True(found >= 14, $"Only {found} calls were answered quickly.");
    }

    [Fact]
    public void A_user_extension_that_shadows_a_LINQ_aggregate_still_gets_its_metadata()
    {
        // The same shape as a LINQ Sum, but the Sum in the function's own namespace wins and returns a record.
        var compilation = GeneratorHarness.Compile("""
            using System;
            using System.Collections.Generic;
            using System.Linq;
            using System.Threading.Tasks;
            using Inngest.Events;

            namespace Shop;

            [Event("shop/order.placed")]
            public partial record OrderPlaced(string OrderId, IReadOnlyList<Line> Lines);

            public sealed record Line(decimal Price, int Quantity);

            public sealed record Total(decimal Value, int Lines);

            public static class LineSums
            {
                public static Total Sum(this IEnumerable<Line> lines, Func<Line, decimal> selector)
                    => new(Enumerable.Sum(lines, selector), lines.Count());
            }

            public static class OrderFunctions
            {
                [InngestFunction("sum-order")]
                public static async Task<decimal> RunAsync(Event<OrderPlaced> evt, IStepTools step)
                {
                    var total = await step.RunAsync("sum", () => evt.Data.Lines.Sum(l => l.Price * l.Quantity));
                    var count = await step.RunAsync("count", () => evt.Data.Lines.Count(l => l.Quantity > 0));
                    return total.Value + count;
                }
            }
            """);

        var (driver, output, diagnostics) = GeneratorHarness.Run(compilation, GeneratorHarness.AllGenerators);

        Assert.Empty(diagnostics);
        GeneratorHarness.AssertCompilesCleanly(output);
        var registry = GeneratorHarness.Sources(driver).Single(s => s.HintName == FunctionGenerator.HintName).Text;
        Assert.Contains("typeof(global::Shop.Total)", registry);
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
