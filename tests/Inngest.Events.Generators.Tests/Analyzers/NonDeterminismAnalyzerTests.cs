using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Events.Generators.Tests.Infrastructure.FunctionSources;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Steps.NonDeterminismAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class NonDeterminismAnalyzerTests
{
    internal static DiagnosticResult Volatile(int location, string source, string stepId, string function = "Functions.PayAsync")
        => V.Diagnostic(DiagnosticDescriptors.NonDeterministicOutsideStep).WithLocation(location).WithArguments(source, function, stepId);

    [Fact]
    public Task Clock_guid_random_and_stopwatch_outside_steps_are_a_warning()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step, TimeProvider time)
                {
                    var now = {|#0:DateTime.UtcNow|};
                    var local = {|#1:DateTime.Now|};
                    var today = {|#2:DateTime.Today|};
                    var offset = {|#3:DateTimeOffset.UtcNow.AddDays(1)|};
                    var id = {|#4:Guid.NewGuid().ToString("N")|};
                    var dice = {|#5:Random.Shared.Next(1, 7)|};
                    var rng = {|#6:new Random()|};
                    var watch = {|#7:Stopwatch.StartNew()|};
                    var ticks = {|#8:Environment.TickCount64|};
                    var stamp = {|#9:time.GetUtcNow()|};
                    var sameStamp = {|#10:time.GetUtcNow()|};
                    Func<Guid> later = () => {|#11:Guid.NewGuid()|};
                    await step.SleepUntilAsync("wait", {|#12:DateTimeOffset.Now|} + TimeSpan.FromHours(1));
                }
            """),
            Volatile(0, "DateTime.UtcNow", "utc-now"),
            Volatile(1, "DateTime.Now", "now"),
            Volatile(2, "DateTime.Today", "today"),
            Volatile(3, "DateTimeOffset.UtcNow", "utc-now-add-days"),
            Volatile(4, "Guid.NewGuid()", "new-guid-to-string"),
            Volatile(5, "Random.Shared", "random-next"),
            Volatile(6, "new Random()", "random"),
            Volatile(7, "Stopwatch.StartNew()", "start-new"),
            Volatile(8, "Environment.TickCount64", "tick-count64"),
            Volatile(9, "TimeProvider.GetUtcNow()", "utc-now-2"),
            Volatile(10, "TimeProvider.GetUtcNow()", "utc-now-3"),
            Volatile(11, "Guid.NewGuid()", "new-guid"),
            Volatile(12, "DateTimeOffset.Now", "now-2"));

    [Fact]
    public Task Values_inside_steps_outside_functions_and_seeded_random_get_no_diagnostic()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    var now = await step.RunAsync("now", () => DateTime.UtcNow);
                    var id = await step.RunAsync("id", () => Guid.NewGuid().ToString("N"));
                    await step.RunAsync("timed", async () =>
                    {
                        var watch = Stopwatch.StartNew();
                        await Task.Delay(1);
                        return watch.ElapsedMilliseconds + Random.Shared.Next();
                    });
                    await step.RunAsync("via-local-function", Stamp);
                    var seeded = new Random(42).Next();
                    var fixedDate = new DateTime(2024, 1, 1);
                    var maximum = DateTimeOffset.MaxValue;

                    DateTimeOffset Stamp() => DateTimeOffset.UtcNow;
                }

                public DateTime NotAFunction() => DateTime.UtcNow;
            """));
}
