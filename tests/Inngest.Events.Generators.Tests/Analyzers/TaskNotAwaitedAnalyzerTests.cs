using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using static Inngest.Events.Generators.Tests.Infrastructure.FunctionSources;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Steps.TaskNotAwaitedAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class TaskNotAwaitedAnalyzerTests
{
    private static DiagnosticResult NotAwaited(int location, string subject)
        => V.Diagnostic(DiagnosticDescriptors.TaskNotAwaited).WithLocation(location).WithArguments(subject);

    [Fact]
    public Task Discarded_step_and_send_tasks_are_a_warning()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoicePaid> evt, IStepTools step, CancellationToken cancellationToken)
                {
                    {|#0:step.RunAsync("charge", () => 42)|};
                    _ = {|#1:step.SleepAsync("pause", TimeSpan.FromMinutes(1))|};
                    {|#2:step.SendEventAsync("notify", new OrderPlaced("o", "c"))|};
                    {|#3:client.SendAsync(evt.Data)|};
                    new[] { "a", "b" }.ToList().ForEach(id => {|#4:step.RunAsync(id, () => id.Length)|});
                    IStepTools? maybe = step;
                    {|#5:maybe?.SleepUntilAsync("until", DateTimeOffset.MaxValue)|};
                    var id = "computed";
                    {|#6:step.RunAsync(id, () => { })|};
                    await Task.CompletedTask;
                }
            """),
            NotAwaited(0, "the step \"charge\""),
            NotAwaited(1, "the step \"pause\""),
            NotAwaited(2, "the step \"notify\""),
            NotAwaited(3, "the client's SendAsync"),
            NotAwaited(4, "this RunAsync call"),
            NotAwaited(5, "the step \"until\""),
            NotAwaited(6, "this RunAsync call"));

    [Fact]
    public Task Awaited_stored_passed_on_and_returned_tasks_get_no_diagnostic()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("pay-invoice")]
                public async Task<int> PayAsync(Event<InvoicePaid> evt, IStepTools step)
                {
                    await step.RunAsync("charge", () => 42);
                    var first = step.RunAsync("first", () => 1);
                    var second = step.RunAsync("second", () => 2);
                    await Task.WhenAll(first, second);
                    var tasks = new List<Task> { step.SleepAsync("pause", TimeSpan.FromSeconds(1)) };
                    tasks.Add(step.SendEventAsync("notify", new OrderPlaced("o", "c")));
                    await Task.WhenAll(tasks);
                    await Task.WhenAll(new[] { "a", "b" }.Select(id => step.RunAsync(id, () => id.Length)));
                    await step.RunAsync("charge-again", () => 1).ConfigureAwait(false);
                    return await Helper(step) + first.Result + second.Result;
                }

                private static Task<int> Helper(IStepTools step) => step.RunAsync("helper", () => 3);

                public Task PublishAsync(OrderPlaced order) => client.SendAsync(order);

                public void Unrelated(List<int> list) => list.Add(1);
            """));
}
