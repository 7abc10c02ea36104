using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Events.Generators.Tests.Infrastructure.FunctionSources;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Steps.DuplicateStepIdAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class DuplicateStepIdAnalyzerTests
{
    private static DiagnosticResult Duplicate(int location, int first, string id, int line, string function = "Functions.PayAsync")
        => V.Diagnostic(DiagnosticDescriptors.DuplicateStepId).WithLocation(location).WithLocation(first)
            .WithArguments(id, line.ToString(System.Globalization.CultureInfo.InvariantCulture), function);

    private static DiagnosticResult Parallel(int location, string id, int line, string function = "Functions.PayAsync")
        => V.Diagnostic(DiagnosticDescriptors.DuplicateStepIdInParallel).WithLocation(location).WithLocation(location + 100)
            .WithArguments(id, line.ToString(System.Globalization.CultureInfo.InvariantCulture), function);

    // Source(...) puts the first member on line 23.
    [Fact]
    public Task The_same_constant_id_twice_is_info()
        => V.AnalyzerAsync(Source("""
                private const string Charge = "charge";

                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await step.RunAsync({|#100:"charge"|}, () => 1);
                    await step.SleepAsync("pause", TimeSpan.FromSeconds(1));
                    await step.RunAsync({|#0:Charge|}, () => 2);
                    await step.SendEventAsync({|#1:"charge"|}, new OrderPlaced("o", "c"));
                }
            """),
            Duplicate(0, 100, "charge", 28),
            Duplicate(1, 100, "charge", 28));

    [Fact]
    public Task The_same_id_in_parallel_steps_is_a_warning()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await Task.WhenAll(step.RunAsync({|#100:"fetch"|}, () => 1), step.RunAsync({|#0:"fetch"|}, () => 2));
                    var first = step.RunAsync({|#101:"load"|}, () => 1);
                    var second = step.RunAsync({|#1:"load"|}, () => 2);
                    await Task.WhenAny(first, second);
                    var tasks = new List<Task>();
                    tasks.Add(step.SleepAsync({|#102:"wait"|}, TimeSpan.FromSeconds(1)));
                    tasks.Add(step.SleepAsync({|#2:"wait"|}, TimeSpan.FromSeconds(2)));
                    await Task.WhenAll(tasks);
                }
            """),
            Parallel(0, "fetch", 26),
            Parallel(1, "load", 27),
            Parallel(2, "wait", 31));

    [Fact]
    public Task Loops_branches_lambdas_and_distinct_ids_get_no_diagnostic()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step, FunctionContext context)
                {
                    for (var i = 0; i < 3; i++)
                    {
                        await step.RunAsync("retry-charge", () => i);
                    }

                    foreach (var id in new[] { "a", "b" })
                    {
                        await step.SleepAsync("pause", TimeSpan.FromSeconds(1));
                    }

                    await step.SleepAsync("pause", TimeSpan.FromSeconds(1));

                    if (context.Attempt > 0)
                    {
                        await step.RunAsync("charge", () => 1);
                    }
                    else
                    {
                        await step.RunAsync("charge", () => 2);
                    }

                    var result = context.Attempt switch
                    {
                        0 => await step.RunAsync("pick", () => 0),
                        _ => await step.RunAsync("pick", () => 1),
                    };
                    switch (result)
                    {
                        case 0:
                            await step.RunAsync("branch", () => 0);
                            break;
                        default:
                            await step.RunAsync("branch", () => 1);
                            break;
                    }

                    await Task.WhenAll(new[] { 1, 2 }.Select(i => step.RunAsync("item", () => i)));
                    await step.RunAsync("other", () => 1);
                }

                [InngestFunction("another")]
                public async Task AnotherAsync(Event<OrderPlaced> evt, IStepTools step)
                    => await step.RunAsync("other", () => 1);
            """));
}
