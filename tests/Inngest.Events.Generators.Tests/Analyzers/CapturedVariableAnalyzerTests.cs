using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Events.Generators.Tests.Infrastructure.FunctionSources;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Steps.CapturedVariableAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class CapturedVariableAnalyzerTests
{
    private static DiagnosticResult Assigned(int location, string step, string variable)
        => V.Diagnostic(DiagnosticDescriptors.CapturedVariableAssignedInStep).WithLocation(location).WithArguments(step, variable);

    [Fact]
    public Task Variables_from_outside_assigned_inside_a_step_are_a_warning()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task<string> PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    string? receipt = null;
                    var total = 0;
                    var attempts = 0;
                    int parsed = 0, left = 0, right = 0;
                    await step.RunAsync("charge", () =>
                    {
                        {|#0:receipt|} = "r-1";
                        {|#1:total|} += 10;
                        {|#2:attempts|}++;
                        int.TryParse("1", out {|#3:parsed|});
                        ({|#4:left|}, {|#5:right|}) = (1, 2);
                    });
                    await step.RunAsync("later", () => Console.WriteLine(total));
                    return $"{receipt} {attempts} {parsed} {left} {right}";
                }

                [InngestFunction("void-invoice")]
                public async Task VoidAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    var voided = false;
                    await step.RunAsync("void", MarkVoided);
                    if (!voided)
                    {
                        return;
                    }

                    void MarkVoided() => {|#6:voided|} = true;
                }
            """),
            Assigned(0, "The step \"charge\"", "receipt"),
            Assigned(1, "The step \"charge\"", "total"),
            Assigned(2, "The step \"charge\"", "attempts"),
            Assigned(3, "The step \"charge\"", "parsed"),
            Assigned(4, "The step \"charge\"", "left"),
            Assigned(5, "The step \"charge\"", "right"),
            Assigned(6, "The step \"void\"", "voided"));

    [Fact]
    public Task Assignment_in_a_step_is_reported_even_when_the_variable_is_not_read_later()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("sum-lines")]
                public async Task SumAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    var total = "";
                    await step.RunAsync("sum", () => { {|#0:total|} = evt.Data.InvoiceId + evt.Data.CustomerId; });
                    var counter = 0;
                    await step.RunAsync("count", () => { {|#1:counter|}++; });
                }
            """),
            Assigned(0, "The step \"sum\"", "total"),
            Assigned(1, "The step \"count\"", "counter"));

    [Fact]
    public Task Results_returned_from_steps_and_variables_declared_inside_get_no_diagnostic()
        => V.AnalyzerAsync(Source("""
                private int _calls;

                [InngestFunction("pay-invoice")]
                public async Task<string> PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    var receipt = await step.RunAsync("charge", () =>
                    {
                        var local = "r-";
                        local += "1";
                        _calls++;
                        return local;
                    });
                    var names = new List<string>();
                    names.ForEach(n => receipt = n);
                    var fromOtherLambda = "";
                    Action set = () => fromOtherLambda = "x";
                    set();
                    return receipt + fromOtherLambda;
                }

                // A function made as a lambda: the counter belongs to the code around it, not to the function's state.
                public static Func<IStepTools, Task> Counting(Action<int> report)
                {
                    var executions = 0;
                    return async step =>
                    {
                        await step.RunAsync("count", () => { executions++; });
                        report(executions);
                    };
                }
            """));
}
