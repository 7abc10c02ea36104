using Inngest.Events.Generators.Tests.Infrastructure;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// A step called with an input (<c>step.RunAsync(id, input, action)</c>) reports the input with the step, serialized with
/// the generated metadata: the registry's type resolver knows the input types as it knows result types.
/// </summary>
public sealed class StepInputTypeTests
{
    [Fact]
    public void The_registry_resolves_the_input_and_result_types_of_steps_with_an_input()
    {
        var compilation = GeneratorHarness.Compile("""
            using System.Threading.Tasks;
            using Inngest.Events;

            namespace Shop;

            [Event("shop/order.placed")]
            public partial record OrderPlaced(string OrderId, decimal Amount);

            public sealed record ChargeRequest(string OrderId, decimal Amount);
            public sealed record Receipt(string ChargeId);
            public sealed record AuditEntry(string Text);

            public static class OrderFunctions
            {
                [InngestFunction("process-order")]
                public static async Task ProcessAsync(Event<OrderPlaced> evt, IStepTools step)
                {
                    var receipt = await step.RunAsync("charge", new ChargeRequest(evt.Data.OrderId, evt.Data.Amount), request => new Receipt("ch-" + request.OrderId));
                    await step.RunAsync("audit", new AuditEntry(receipt.ChargeId), entry => Task.CompletedTask);
                }
            }
            """);

        var (driver, output, diagnostics) = GeneratorHarness.Run(compilation, GeneratorHarness.AllGenerators);

        Assert.Empty(diagnostics);
        GeneratorHarness.AssertCompilesCleanly(output);
        var registry = GeneratorHarness.Sources(driver).Single(s => s.HintName.Contains("InngestFunctions", StringComparison.Ordinal)).Text;
        Assert.Contains("typeof(global::Shop.ChargeRequest)", registry);
        Assert.Contains("typeof(global::Shop.Receipt)", registry);
        Assert.Contains("typeof(global::Shop.AuditEntry)", registry);
    }
}
