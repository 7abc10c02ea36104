using Inngest.Events.Generators.Functions;
using Inngest.Events.Generators.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Tests;

/// <summary>
/// The function generator reports what stops it generating, at the user's code, and stays quiet on the good code
/// next to it: every test source holds a correct function too, which must still be generated.
/// </summary>
public sealed class FunctionGeneratorDiagnosticsTests
{
    /// <summary>Events, result types and a correct function that every test source starts with.</summary>
    private const string Prelude = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Inngest.Events;

        [Event("shop/order.placed")]
        public partial record OrderPlaced(string OrderId);

        [Event("shop/order.cancelled")]
        public partial record OrderCancelled(string OrderId);

        public sealed record Receipt(string OrderId, decimal Total);

        public static class GoodFunctions
        {
            [InngestFunction("good")]
            public static async Task<Receipt> Good(Event<OrderPlaced> order, IStepTools step)
                => await step.RunAsync("charge", () => new Receipt(order.Data.OrderId, 1m));
        }

        """;

    /// <summary>Runs both generators; returns the diagnostics and the text of each one's located span.</summary>
    private static IReadOnlyList<(Diagnostic Diagnostic, string Located)> Diagnose(string source, out string generated)
    {
        var compilation = GeneratorHarness.Compile(Prelude + source);
        var (driver, _, diagnostics) = GeneratorHarness.Run(compilation, GeneratorHarness.AllGenerators);
        generated = GeneratorHarness.Sources(driver).Single(s => s.HintName == FunctionGenerator.HintName).Text;

        // The good function next to the broken code is still generated.
        Assert.Contains("Id = \"good\"", generated);
        return diagnostics.Select(d =>
        {
            var span = d.Location.GetLineSpan();
            var tree = compilation.SyntaxTrees.SingleOrDefault(t => t.FilePath == span.Path);
            Assert.True(tree is not null, $"{d.Id} does not point into the user's source.");
            return (d, tree!.GetText().ToString(d.Location.SourceSpan));
        }).ToList();
    }

    private static Diagnostic Single(string source, string id, out string located, out string generated)
    {
        var diagnostics = Diagnose(source, out generated);
        var (diagnostic, text) = Assert.Single(diagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.EndsWith($"docs/diagnostics/{id}.md", diagnostic.Descriptor.HelpLinkUri);
        located = text;
        return diagnostic;
    }

    private static Diagnostic Single(string source, string id, out string located) => Single(source, id, out located, out _);

    [Fact]
    public void Correct_functions_have_no_diagnostics()
        => Assert.Empty(Diagnose(string.Empty, out _));

    [Fact]
    public void Step_result_of_type_object_is_INNG2001_naming_the_step_and_the_type()
    {
        var d = Single("""
            public static class Bad
            {
                [InngestFunction("bad")]
                public static async Task Run(Event<OrderPlaced> order, IStepTools step)
                    => await step.RunAsync<object>("load", () => new object());
            }
            """, "INNG2001", out var located);
        Assert.Equal("RunAsync<object>", located);
        Assert.Contains("The result type 'object' of the step \"load\" (RunAsync)", d.GetMessage());
        Assert.Contains("no fixed shape", d.GetMessage());
    }

    [Fact]
    public void Step_result_with_an_unsupported_member_in_a_helper_method_is_INNG2001_naming_the_member()
    {
        var d = Single("""
            public sealed record Loose(int X, object Payload);

            public static class Helpers
            {
                public static Task<Loose> LoadAsync(IStepTools step, string id) => step.RunAsync(id, () => new Loose(1, 2));
            }
            """, "INNG2001", out var located);
        Assert.Equal("RunAsync", located);
        Assert.Contains("'Loose' of this RunAsync call", d.GetMessage());
        Assert.Contains("its property 'Payload' of 'Loose' has the type 'object'", d.GetMessage());
    }

    [Fact]
    public void Step_result_with_an_attribute_the_serializer_does_not_honour_is_INNG2001_naming_it()
    {
        var d = Single("""
            public sealed record Loaded(string Id, [property: System.Text.Json.Serialization.JsonExtensionData] Dictionary<string, System.Text.Json.JsonElement>? Rest);

            public static class Helpers
            {
                public static Task<Loaded> LoadAsync(IStepTools step, string id) => step.RunAsync(id, () => new Loaded(id, null));
            }
            """, "INNG2001", out var located);
        Assert.Equal("RunAsync", located);
        Assert.Contains("its property 'Rest' of 'Loaded' has [JsonExtensionData], which the generated serializer does not honour", d.GetMessage());
    }

    [Fact]
    public void Anonymous_step_result_and_invoke_result_are_INNG2001()
    {
        var diagnostics = Diagnose("""
            public static class Bad
            {
                [InngestFunction("bad")]
                public static async Task Run(Event<OrderPlaced> order, IStepTools step)
                {
                    await step.RunAsync("anonymous", () => new { A = 1 });
                    await step.InvokeAsync("invoke", new FunctionReference<OrderPlaced, IDisposable>("other"), order.Data);
                }
            }
            """, out _);
        Assert.Collection(
            diagnostics.OrderBy(d => d.Diagnostic.Location.SourceSpan.Start),
            d => Assert.Contains("anonymous types", d.Diagnostic.GetMessage()),
            d => Assert.Contains("'System.IDisposable' of the step \"invoke\" (InvokeAsync)", d.Diagnostic.GetMessage()));
        Assert.All(diagnostics, d => Assert.Equal("INNG2001", d.Diagnostic.Id));
    }

    [Fact]
    public void Step_results_the_generator_cannot_know_or_that_are_not_steps_are_quiet()
        => Assert.Empty(Diagnose("""
            public sealed class NotSteps
            {
                public Task<object> RunAsync<T>(string id, Func<T> action) => Task.FromResult(new object());
            }

            public static class Generic
            {
                public static Task<T> Load<T>(IStepTools step) => step.RunAsync("load", () => default(T)!);

                public static Task<object> Other(NotSteps steps) => steps.RunAsync<object>("x", () => new object());

                public static Task<Guid> Primitive(IStepTools step) => step.RunAsync("guid", () => Guid.Empty);
            }
            """, out _));

    [Fact]
    public void Function_returning_an_unserializable_type_is_INNG2001_at_the_return_type()
    {
        var d = Single("""
            public static class Bad
            {
                [InngestFunction("bad")]
                public static Task<object> Run(Event<OrderPlaced> order) => Task.FromResult(new object());
            }
            """, "INNG2001", out var located, out var generated);
        Assert.Equal("Task<object>", located);
        Assert.Contains("of the function 'Bad.Run'", d.GetMessage());
        Assert.DoesNotContain("\"bad\"", generated);
    }

    [Fact]
    public void Function_without_event_parameter_or_trigger_attribute_is_INNG2002()
    {
        var d = Single("""
            public static class Bad
            {
                [InngestFunction("bad")]
                public static Task Run(IStepTools step) => Task.CompletedTask;
            }
            """, "INNG2002", out var located, out var generated);
        Assert.Equal("Run", located);
        Assert.Contains("'Bad.Run' has no trigger", d.GetMessage());
        Assert.DoesNotContain("\"bad\"", generated);
    }

    [Fact]
    public void Function_with_two_event_parameters_is_INNG2002_at_the_second()
    {
        var d = Single("""
            public static class Bad
            {
                [InngestFunction("bad")]
                public static Task Run(Event<OrderPlaced> first, IReadOnlyList<Event<OrderPlaced>> second) => Task.CompletedTask;
            }
            """, "INNG2002", out var located);
        Assert.Equal("second", located);
        Assert.Contains("more than one event parameter ('first', 'second')", d.GetMessage());
    }

    [Fact]
    public void Cron_and_trigger_only_functions_need_no_event_parameter()
        => Assert.Empty(Diagnose("""
            public static class Scheduled
            {
                [InngestFunction("cron")]
                [Cron("0 * * * *")]
                public static Task Hourly(IStepTools step, FunctionContext context, CancellationToken cancellationToken) => Task.CompletedTask;

                [InngestFunction("any-order-event")]
                [Trigger<OrderPlaced>]
                [Trigger<OrderCancelled>]
                public static Task Any(IStepTools step) => Task.CompletedTask;
            }
            """, out _));

    [Theory]
    [InlineData("string name", "name", "has the type 'string'")]
    [InlineData("ref CancellationToken token", "token", "is passed by reference")]
    [InlineData("IServiceProvider services", "services", "has the type 'System.IServiceProvider'")]
    public void Unsupported_parameter_is_INNG2003_naming_the_parameter(string parameter, string name, string why)
    {
        var d = Single($$"""
            public static class Bad
            {
                [InngestFunction("bad")]
                public static Task Run(Event<OrderPlaced> order, {{parameter}}) => Task.CompletedTask;
            }
            """, "INNG2003", out var located);
        Assert.Equal(name, located);
        Assert.Contains($"The parameter '{name}' of the function 'Bad.Run' {why}", d.GetMessage());
    }

    [Theory]
    [InlineData("void", "{ }")]
    [InlineData("int", "=> 1;")]
    [InlineData("IAsyncEnumerable<int>", "=> throw null!;")]
    public void Unsupported_return_type_is_INNG2004(string returnType, string body)
    {
        var d = Single($$"""
            public static class Bad
            {
                [InngestFunction("bad")]
                public static {{returnType}} Run(Event<OrderPlaced> order) {{body}}
            }
            """, "INNG2004", out var located);
        Assert.Equal(returnType, located);
        Assert.Contains("a function returns Task, Task<T>, ValueTask or ValueTask<T>", d.GetMessage());
    }

    [Theory]
    [InlineData("public static class Bad { [InngestFunction(\"bad\")] public static Task Run<T>(Event<OrderPlaced> order) => Task.CompletedTask; }")]
    [InlineData("public static class Bad<T> { [InngestFunction(\"bad\")] public static Task Run(Event<OrderPlaced> order) => Task.CompletedTask; }")]
    public void Generic_function_is_INNG2005(string source)
    {
        var d = Single(source, "INNG2005", out var located);
        Assert.Equal("Run", located);
        Assert.Contains("generic", d.GetMessage());
    }

    [Theory]
    [InlineData("public static class Bad { [InngestFunction(\"bad\")] private static Task Run(Event<OrderPlaced> order) => Task.CompletedTask; }", "the method is private")]
    [InlineData("public static class Outer { private static class Bad { [InngestFunction(\"bad\")] public static Task Run(Event<OrderPlaced> order) => Task.CompletedTask; } }", "its containing type 'Bad' is private")]
    [InlineData("public abstract class Bad { [InngestFunction(\"bad\")] public Task Run(Event<OrderPlaced> order) => Task.CompletedTask; }", "instance method of the abstract type 'Bad'")]
    public void Function_the_handler_cannot_call_is_INNG2006(string source, string why)
    {
        var d = Single(source, "INNG2006", out var located);
        Assert.Equal("Run", located);
        Assert.Contains(why, d.GetMessage());
    }

    [Fact]
    public void Missing_OnFailure_handler_is_INNG2007_at_the_argument()
    {
        var d = Single("""
            public static class Bad
            {
                [InngestFunction("bad", OnFailure = "Missing")]
                public static Task Run(Event<OrderPlaced> order) => Task.CompletedTask;
            }
            """, "INNG2007", out var located, out var generated);
        Assert.Equal("OnFailure = \"Missing\"", located);
        Assert.Contains("The OnFailure handler 'Missing' of the function 'Bad.Run' is not a method of 'Bad'", d.GetMessage());
        Assert.DoesNotContain("\"bad\"", generated);
    }

    [Theory]
    [InlineData("public static Task Failed(Event<OrderPlaced> failure) => Task.CompletedTask;", "failure", "a failure handler's event parameter is Event<FunctionFailed>")]
    [InlineData("public static Task Failed(Event<FunctionFailed> failure, string extra) => Task.CompletedTask;", "extra", "takes the parameter 'extra' of type 'string'")]
    [InlineData("public static void Failed(Event<FunctionFailed> failure) { }", "void", "returns 'void'")]
    [InlineData("private static Task Failed(Event<FunctionFailed> failure) => Task.CompletedTask;", "Failed", "the method is private")]
    [InlineData("public static Task Failed(Event<FunctionFailed>[] failures) => Task.CompletedTask;", "failures", "a failure handler's event parameter is Event<FunctionFailed>")]
    [InlineData("public static Task Failed(IReadOnlyList<Event<FunctionFailed>> failures) => Task.CompletedTask;", "failures", "a failure handler's event parameter is Event<FunctionFailed>")]
    [InlineData("public static Task Failed() => Task.CompletedTask; public static Task Failed(Event<FunctionFailed> failure) => Task.CompletedTask;", "OnFailure = nameof(Failed)", "overloads")]
    public void OnFailure_handler_with_the_wrong_signature_is_INNG2007(string handler, string at, string why)
    {
        var d = Single($$"""
            public static class Bad
            {
                [InngestFunction("bad", OnFailure = nameof(Failed))]
                public static Task Run(Event<OrderPlaced> order) => Task.CompletedTask;

                {{handler}}
            }
            """, "INNG2007", out var located);
        Assert.Equal(at, located);
        Assert.Contains(why, d.GetMessage());
    }

    [Fact]
    public void OnFailure_handler_without_parameters_is_fine()
        => Assert.Empty(Diagnose("""
            public static class Fine
            {
                [InngestFunction("fine", OnFailure = nameof(Failed))]
                public static Task Run(Event<OrderPlaced> order) => Task.CompletedTask;

                public static Task Failed() => Task.CompletedTask;
            }
            """, out _));

    [Fact]
    public void Duplicate_function_id_is_INNG2008_on_every_use_and_neither_is_generated()
    {
        var diagnostics = Diagnose("""
            public static class Bad
            {
                [InngestFunction("same")]
                public static Task One(Event<OrderPlaced> order) => Task.CompletedTask;

                [InngestFunction("same")]
                public static Task Two(Event<OrderPlaced> order) => Task.CompletedTask;

                [InngestFunction("x", OnFailure = nameof(Failed))]
                public static Task Three(Event<OrderPlaced> order) => Task.CompletedTask;

                [InngestFunction("x-failure")]
                public static Task Four(Event<OrderPlaced> order) => Task.CompletedTask;

                public static Task Failed() => Task.CompletedTask;
            }
            """, out var generated);
        Assert.Equal(4, diagnostics.Count);
        Assert.All(diagnostics, d => Assert.Equal("INNG2008", d.Diagnostic.Id));
        Assert.Equal(
            ["InngestFunction(\"same\")", "InngestFunction(\"same\")", "OnFailure = nameof(Failed)", "InngestFunction(\"x-failure\")"],
            diagnostics.OrderBy(d => d.Diagnostic.Location.SourceSpan.Start).Select(d => d.Located));
        Assert.Contains("The function id 'same' is used 2 times", diagnostics[0].Diagnostic.GetMessage() + diagnostics[1].Diagnostic.GetMessage());
        Assert.DoesNotContain("\"same\"", generated);
        Assert.DoesNotContain("\"x-failure\"", generated);
        Assert.DoesNotContain("Id = \"x\"", generated);
    }

    [Fact]
    public void Trigger_types_without_the_event_parameter_type_are_INNG2009()
    {
        var d = Single("""
            public static class Bad
            {
                [InngestFunction("bad")]
                [Trigger<OrderCancelled>]
                public static Task Run(Event<OrderPlaced> order) => Task.CompletedTask;
            }
            """, "INNG2009", out var located);
        Assert.Equal("Run", located);
        Assert.Contains("reads its event as 'OrderPlaced', but none of its [Trigger<T>] attributes is a Trigger<OrderPlaced>", d.GetMessage());
    }

    [Fact]
    public void Cron_with_an_event_parameter_is_INNG2009()
    {
        var d = Single("""
            public static class Bad
            {
                [InngestFunction("bad")]
                [Cron("0 * * * *")]
                public static Task Run(Event<OrderPlaced> order) => Task.CompletedTask;
            }
            """, "INNG2009", out _);
        Assert.Contains("a scheduled function takes no event parameter", d.GetMessage());
    }

    [Theory]
    [InlineData("Event<OrderPlaced> order", "order")]
    [InlineData("Event<OrderPlaced>? order", "order")]
    public void Batched_function_taking_one_event_is_INNG2015_at_the_parameter_and_is_not_generated(string parameter, string name)
    {
        var d = Single($$"""
            public static class Bad
            {
                [InngestFunction("bad")]
                [BatchEvents(10, "5s")]
                public static Task Run({{parameter}}, IStepTools step) => Task.CompletedTask;
            }
            """, "INNG2015", out var located, out var generated);
        Assert.Equal(name, located);
        Assert.Equal(
            $"The function 'Bad.Run' batches its events with [BatchEvents], but its parameter '{name}' is an Event<OrderPlaced>, which receives only the first "
            + "event of each batch: Inngest starts one run with up to 10 events, and the others would be silently lost; take IReadOnlyList<Event<OrderPlaced>> "
            + "(or Event<OrderPlaced>[]) to receive the whole batch",
            d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("\"bad\"", generated);
    }

    [Fact]
    public void INNG2015_is_reported_with_trigger_attributes_too()
    {
        var d = Single("""
            public static class Bad
            {
                [InngestFunction("bad")]
                [BatchEvents(3, "1m", Key = "event.data.orderId")]
                [Trigger<OrderPlaced>(If = "event.data.orderId != ''")]
                public static Task Run(IStepTools step, Event<OrderPlaced> placed) => Task.CompletedTask;
            }
            """, "INNG2015", out var located);
        Assert.Equal("placed", located);
        Assert.Contains("up to 3 events", d.GetMessage());
    }

    [Theory]
    [InlineData("IReadOnlyList<Event<OrderPlaced>>")]
    [InlineData("Event<OrderPlaced>[]")]
    [InlineData("IReadOnlyList<Event<OrderPlaced>>?")]
    public void Batched_function_taking_a_list_or_an_array_is_generated_with_every_event(string type)
    {
        Assert.Empty(Diagnose($$"""
            public static class Batched
            {
                [InngestFunction("batched", OnFailure = nameof(Failed))]
                [BatchEvents(10, "5s")]
                public static Task Run({{type}} orders, IStepTools step) => Task.CompletedTask;

                public static Task Failed(Event<FunctionFailed> failure) => Task.CompletedTask;
            }
            """, out var generated));
        Assert.Contains("Id = \"batched\"", generated);
        Assert.Contains("Id = \"batched-failure\"", generated);
        Assert.Contains("global::Batched.Run(invocation.GetEvents<global::OrderPlaced>(), invocation.Steps)", generated);
    }

    [Theory]
    [InlineData("IReadOnlyList<Event<OrderPlaced>>")]
    [InlineData("Event<OrderPlaced>[]")]
    public void Event_list_without_BatchEvents_is_INNG2016_a_warning_and_the_function_is_still_generated(string type)
    {
        var (d, located) = Assert.Single(Diagnose($$"""
            public static class Unbatched
            {
                [InngestFunction("unbatched")]
                public static Task Run(IStepTools step, {{type}} orders) => Task.CompletedTask;
            }
            """, out var generated));
        Assert.Equal(("INNG2016", DiagnosticSeverity.Warning), (d.Id, d.Severity));
        Assert.EndsWith("docs/diagnostics/INNG2016.md", d.Descriptor.HelpLinkUri);
        Assert.Equal("orders", located);
        Assert.Equal(
            $"The parameter 'orders' of the function 'Unbatched.Run' is a list of events ('{type}'), but the function has no [BatchEvents], so every run "
            + "receives a list of exactly one event; add [BatchEvents(maxSize, timeout)] to receive batches, or take Event<OrderPlaced>",
            d.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains("Id = \"unbatched\"", generated);
        Assert.Contains("global::Unbatched.Run(invocation.Steps, invocation.GetEvents<global::OrderPlaced>())", generated);
    }

    [Fact]
    public void A_batched_function_that_reads_no_event_is_fine()
        => Assert.Empty(Diagnose("""
            public static class Counted
            {
                [InngestFunction("count-orders")]
                [BatchEvents(100, "1m")]
                [Trigger<OrderPlaced>]
                public static Task Run(IStepTools step) => Task.CompletedTask;
            }
            """, out _));

    [Theory]
    [InlineData("List<Event<OrderPlaced>> orders", "has the type 'System.Collections.Generic.List<Inngest.Events.Event<OrderPlaced>>'")]
    [InlineData("IEnumerable<Event<OrderPlaced>> orders", "has the type 'System.Collections.Generic.IEnumerable<Inngest.Events.Event<OrderPlaced>>'")]
    [InlineData("Event<OrderPlaced>[,] orders", "has the type 'Inngest.Events.Event<OrderPlaced>[*,*]'")]
    [InlineData("Event<OrderPlaced>[][] orders", "has the type 'Inngest.Events.Event<OrderPlaced>[][]'")]
    [InlineData("IReadOnlyList<OrderPlaced> orders", "has the type 'System.Collections.Generic.IReadOnlyList<OrderPlaced>'")]
    public void Other_collections_of_events_are_INNG2003_naming_the_batch_shapes(string parameter, string why)
    {
        var d = Single($$"""
            public static class Bad
            {
                [InngestFunction("bad")]
                [BatchEvents(10, "5s")]
                [Trigger<OrderPlaced>]
                public static Task Run({{parameter}}) => Task.CompletedTask;
            }
            """, "INNG2003", out var located);
        Assert.Equal("orders", located);
        Assert.Contains($"The parameter 'orders' of the function 'Bad.Run' {why}", d.GetMessage());
        Assert.Contains("a function takes Event<T> (or IReadOnlyList<Event<T>> or Event<T>[] for a batch)", d.GetMessage());
    }

    [Fact]
    public void A_list_and_an_array_of_events_are_two_event_parameters_INNG2002()
    {
        var d = Single("""
            public static class Bad
            {
                [InngestFunction("bad")]
                [BatchEvents(10, "5s")]
                public static Task Run(IReadOnlyList<Event<OrderPlaced>> first, Event<OrderPlaced>[] second) => Task.CompletedTask;
            }
            """, "INNG2002", out var located);
        Assert.Equal("second", located);
        Assert.Contains("a function takes exactly one: Event<T>, or IReadOnlyList<Event<T>> or Event<T>[] for a batch", d.GetMessage());
    }

    [Fact]
    public void Diagnostics_can_be_suppressed_with_pragma()
    {
        var compilation = GeneratorHarness.Compile(Prelude + """
            public static class Bad
            {
                [InngestFunction("bad")]
            #pragma warning disable INNG2003
                public static Task Run(Event<OrderPlaced> order, string name) => Task.CompletedTask;
            #pragma warning restore INNG2003
            }
            """);
        var (_, output, _) = GeneratorHarness.Run(compilation, GeneratorHarness.AllGenerators);
        var diagnostics = output.GetDiagnostics().Where(d => d.Id.StartsWith("INNG", StringComparison.Ordinal));
        Assert.Empty(diagnostics);
    }
}
