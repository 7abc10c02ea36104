using Inngest.Events.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Events.Generators.Tests.Analyzers.NonDeterminismAnalyzerTests;
using static Inngest.Events.Generators.Tests.Infrastructure.FunctionSources;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Steps.NonDeterminismAnalyzer>;

namespace Inngest.Events.Generators.Tests.CodeFixes;

public sealed class WrapInStepCodeFixTests
{
    [Fact]
    public Task Values_are_wrapped_in_steps_with_ids_unique_in_the_function()
        => V.CodeFixAsync<WrapInStepCodeFixProvider>(
            Source("""
                [InngestFunction("pay-invoice")]
                public async Task<string> PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await step.RunAsync("utc-now", () => 1);
                    var now = {|#0:DateTime.UtcNow|};
                    var id = /* keep */ {|#1:Guid.NewGuid().ToString("N")|};
                    var due = {|#2:DateTimeOffset.UtcNow|} + TimeSpan.FromDays(14);
                    var ticks = {|#3:Environment.TickCount64.ToString()|};
                    Func<Task<int>> roll = async () => {|#4:Random.Shared.Next(1, 7)|};
                    await step.SleepUntilAsync("wait", {|#5:DateTimeOffset.UtcNow.AddHours(1)|});
                    return $"{now:O} {id} {due} {ticks} {await roll()}";
                }
            """),
            [
                Volatile(0, "DateTime.UtcNow", "utc-now-2"),
                Volatile(1, "Guid.NewGuid()", "new-guid-to-string"),
                Volatile(2, "DateTimeOffset.UtcNow", "utc-now-3"),
                Volatile(3, "Environment.TickCount64", "tick-count64-to-string"),
                Volatile(4, "Random.Shared", "random-next"),
                Volatile(5, "DateTimeOffset.UtcNow", "utc-now-add-hours"),
            ],
            Source("""
                [InngestFunction("pay-invoice")]
                public async Task<string> PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await step.RunAsync("utc-now", () => 1);
                    var now = await step.RunAsync("utc-now-2", () => DateTime.UtcNow);
                    var id = /* keep */ await step.RunAsync("new-guid-to-string", () => Guid.NewGuid().ToString("N"));
                    var due = await step.RunAsync("utc-now-3", () => DateTimeOffset.UtcNow) + TimeSpan.FromDays(14);
                    var ticks = await step.RunAsync("tick-count64-to-string", () => Environment.TickCount64.ToString());
                    Func<Task<int>> roll = async () => await step.RunAsync("random-next", () => Random.Shared.Next(1, 7));
                    await step.SleepUntilAsync("wait", await step.RunAsync("utc-now-add-hours", () => DateTimeOffset.UtcNow.AddHours(1)));
                    return $"{now:O} {id} {due} {ticks} {await roll()}";
                }
            """));

    [Fact]
    public Task Values_the_fix_cannot_wrap_keep_their_warning()
    {
        var source = Source("""
                [InngestFunction("pay-invoice")]
                public Task<DateTime> PayAsync(Event<InvoicePaid> evt, IStepTools step)
                    => Task.FromResult({|#0:DateTime.UtcNow|});

                [InngestFunction("no-steps")]
                public async Task<Guid> NoStepsAsync(Event<InvoicePaid> evt)
                {
                    await Task.Yield();
                    return {|#1:Guid.NewGuid()|};
                }

                [InngestFunction("not-stored")]
                public async Task<long> NotStoredAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    var watch = {|#2:Stopwatch.StartNew()|};
                    Func<long> sync = () => {|#3:Environment.TickCount64|};
                    lock (this)
                    {
                        _ = {|#4:DateTime.UtcNow|};
                    }

                    await step.SleepAsync("pause", TimeSpan.FromSeconds(1));
                    return watch.ElapsedMilliseconds + sync();
                }
            """);
        DiagnosticResult[] diagnostics =
        [
            Volatile(0, "DateTime.UtcNow", "utc-now"),
            Volatile(1, "Guid.NewGuid()", "new-guid", "Functions.NoStepsAsync"),
            Volatile(2, "Stopwatch.StartNew()", "start-new", "Functions.NotStoredAsync"),
            Volatile(3, "Environment.TickCount64", "tick-count64", "Functions.NotStoredAsync"),
            Volatile(4, "DateTime.UtcNow", "utc-now", "Functions.NotStoredAsync"),
        ];
        return V.CodeFixAsync<WrapInStepCodeFixProvider>(source, diagnostics, source, diagnostics);
    }

    [Fact]
    public Task A_value_inside_another_goes_into_the_outer_step()
        => V.CodeFixAsync<WrapInStepCodeFixProvider>(
            Source("""
                [InngestFunction("pay-invoice")]
                public async Task<int> PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    var at = {|#0:DateTime.UtcNow.AddSeconds({|#1:Random.Shared.Next(1, 60)|})|};
                    var later = {|#2:DateTimeOffset.UtcNow.AddMinutes({|#3:Environment.TickCount|} % 5)|};
                    return at.Second + later.Minute;
                }
            """),
            [
                Volatile(0, "DateTime.UtcNow", "utc-now-add-seconds"),
                Volatile(1, "Random.Shared", "random-next"),
                Volatile(2, "DateTimeOffset.UtcNow", "utc-now-add-minutes"),
                Volatile(3, "Environment.TickCount", "tick-count"),
            ],
            Source("""
                [InngestFunction("pay-invoice")]
                public async Task<int> PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    var at = await step.RunAsync("utc-now-add-seconds", () => DateTime.UtcNow.AddSeconds(Random.Shared.Next(1, 60)));
                    var later = await step.RunAsync("utc-now-add-minutes", () => DateTimeOffset.UtcNow.AddMinutes(Environment.TickCount % 5));
                    return at.Second + later.Minute;
                }
            """));
}
