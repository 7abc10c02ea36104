using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Events.Generators.Tests.Infrastructure.FunctionSources;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Steps.NestedStepAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class NestedStepAnalyzerTests
{
    private static DiagnosticResult Nested(int location, string inner, string outer)
        => V.Diagnostic(DiagnosticDescriptors.NestedStep).WithLocation(location).WithArguments(inner, outer);

    [Fact]
    public Task Steps_inside_a_step_delegate_are_a_warning()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await step.RunAsync("outer", async () =>
                    {
                        await {|#0:step.SendEventAsync("notify", new OrderPlaced("o", "c"))|};
                        var items = new[] { 1, 2 }.Select(async i => await {|#1:step.RunAsync("item", () => i)|});
                        await Task.WhenAll(items);
                    });
                    await step.RunAsync("with-local-function", ChargeAsync);
                    await step.RunAsync("calls-local-function", () => SleepAsync());

                    async Task ChargeAsync() => await {|#2:step.SleepAsync("pause", TimeSpan.FromSeconds(1))|};
                    Task SleepAsync() => {|#3:step.SleepAsync("pause-2", TimeSpan.FromSeconds(1))|};
                }
            """),
            Nested(0, "The step \"notify\"", "the step \"outer\""),
            Nested(1, "The step \"item\"", "the step \"outer\""),
            Nested(2, "The step \"pause\"", "the step \"with-local-function\""),
            Nested(3, "The step \"pause-2\"", "the step \"calls-local-function\""));

    [Fact]
    public Task Steps_next_to_each_other_and_local_functions_called_outside_steps_get_no_diagnostic()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    var charged = await step.RunAsync("charge", () => 42);
                    await step.SendEventAsync("notify", new OrderPlaced("o", "c"));
                    await Task.WhenAll(new[] { 1, 2 }.Select(i => step.RunAsync($"item-{i}", () => i)));
                    await PauseAsync();
                    await step.RunAsync("uses-local-function-too", () => PauseAsync());

                    Task PauseAsync() => step.SleepAsync("pause", TimeSpan.FromSeconds(charged));
                }
            """));
}
