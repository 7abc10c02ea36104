using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Events.Generators.Tests.Infrastructure.FunctionSources;
using Captured = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Steps.CapturedVariableAnalyzer>;
using Clock = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Steps.NonDeterminismAnalyzer>;
using Nested = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Steps.NestedStepAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

/// <summary>
/// Steps called with an input (<c>step.RunAsync(id, input, action)</c>) are steps to the analyzers like any other: their
/// delegate is the step's body, and the input is evaluated outside it, on every call.
/// </summary>
public sealed class StepInputAnalyzerTests
{
    [Fact]
    public Task A_variable_from_outside_assigned_in_the_delegate_of_a_step_with_an_input_is_reported()
        => Captured.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task<string> PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    string? receipt = null;
                    await step.RunAsync("charge", evt.Data.InvoiceId, id => { {|#0:receipt|} = "r-" + id; });
                    var total = await step.RunAsync("total", 10m, amount => amount * 2);
                    return receipt + total;
                }
            """),
            Captured.Diagnostic(DiagnosticDescriptors.CapturedVariableAssignedInStep).WithLocation(0).WithArguments("The step \"charge\"", "receipt"));

    [Fact]
    public Task The_clock_read_for_a_step_input_is_outside_the_step_and_the_clock_inside_its_delegate_is_in_it()
        => Clock.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await step.RunAsync("stamp", {|#0:DateTimeOffset.UtcNow|}, now => now.ToString("O"));
                    await step.RunAsync("inside", evt.Data.InvoiceId, id => id + DateTimeOffset.UtcNow.ToString("O"));
                }
            """),
            NonDeterminismAnalyzerTests.Volatile(0, "DateTimeOffset.UtcNow", "utc-now"));

    [Fact]
    public Task A_step_inside_the_delegate_of_a_step_with_an_input_is_nested()
        => Nested.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await step.RunAsync("outer", evt.Data.InvoiceId, async id => await {|#0:step.SleepAsync("inner", TimeSpan.FromSeconds(1))|});
                }
            """),
            Nested.Diagnostic(DiagnosticDescriptors.NestedStep).WithLocation(0).WithArguments("The step \"inner\"", "the step \"outer\""));
}
