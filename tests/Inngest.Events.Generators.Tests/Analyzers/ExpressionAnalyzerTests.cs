using Inngest.Events.Generators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using V = Inngest.Events.Generators.Tests.Infrastructure.Verify<Inngest.Events.Generators.Analyzers.Expressions.ExpressionAnalyzer>;

namespace Inngest.Events.Generators.Tests.Analyzers;

public sealed class ExpressionAnalyzerTests
{
    private static string Source(string members) => $$""""
        using System;
        using System.Collections.Generic;
        using System.Text.Json;
        using System.Text.Json.Serialization;
        using System.Threading.Tasks;
        using Inngest.Events;
        using Inngest.Events.Expressions;

        namespace Acme;

        public sealed record Address(string City, [property: JsonPropertyName("zip_code")] string ZipCode);

        public sealed record Line(string Sku, int Quantity);

        [Event("shop/order.placed")]
        public partial record OrderPlaced(string OrderId, string CustomerId, decimal Total, Address Shipping, IReadOnlyList<Line> Lines, Dictionary<string, string> Tags, JsonElement Extra)
        {
            [JsonPropertyName("region_code")] public string Region { get; init; } = "";

            [JsonIgnore] public string Secret { get; init; } = "";
        }

        [Event("shop/order.cancelled")]
        public partial record OrderCancelled(string OrderId, string Reason);

        public static class Functions
        {
            private const string Incomplete = "event.data.total >";
            private const string Total = "event.data.total";

        {{members}}
        }
        """";

    private static DiagnosticResult Syntax(int location, string expression, string site, string reason)
        => V.Diagnostic(DiagnosticDescriptors.ExpressionSyntaxError).WithLocation(location).WithArguments(expression, site, reason);

    private static DiagnosticResult Unknown(int location, string path, string site, string type, string members, string hint = "")
        => V.Diagnostic(DiagnosticDescriptors.ExpressionUnknownMember).WithLocation(location).WithArguments(path, site, type, members, hint);

    private static DiagnosticResult Duration(int location, string value, string site, string problem)
        => V.Diagnostic(DiagnosticDescriptors.DurationInvalid).WithLocation(location).WithArguments(value, site, problem);

    private const string OrderPlacedMembers = "customerId, extra, lines, orderId, region_code, shipping, tags, total";

    [Fact]
    public Task Syntax_errors_are_reported_at_the_character_in_regular_verbatim_and_raw_literals()
        => V.AnalyzerAsync(Source(""""
                [InngestFunction("a")]
                [Trigger<OrderPlaced>(If = "event.data.total > {|#0:"|})]
                [Trigger<OrderPlaced>(If = "event.data.orderId == \"o\\n\" {|#1:=|} 1")]
                [Trigger<OrderPlaced>(If = @"event.data.orderId == ""o"" && {|#2:)|}")]
                [Trigger<OrderPlaced>(If = """event.data.total > 1 {|#3:&|} 2""")]
                [Priority("""
                    event.data.total > 100
                        ? 10 {|#4:;|} 0
                    """)]
                public static Task A(Event<OrderPlaced> evt) => Task.CompletedTask;
            """"),
            Syntax(0, "event.data.total > ", "[Trigger<OrderPlaced>] If", "Expected an expression but found end of input"),
            Syntax(1, "event.data.orderId == \"o\\n\" = 1", "[Trigger<OrderPlaced>] If", "Unexpected '=' (use '==' to compare)"),
            Syntax(2, "event.data.orderId == \"o\" && )", "[Trigger<OrderPlaced>] If", "Expected an expression but found ')'"),
            Syntax(3, "event.data.total > 1 & 2", "[Trigger<OrderPlaced>] If", "Unexpected '&' (use '&&' for logical and)"),
            Syntax(4, "event.data.total > 100\n    ? 10 ; 0", "[Priority] run", "Unexpected character ';'"));

    [Fact]
    public Task Syntax_errors_in_constants_and_concatenations_are_reported_on_the_whole_argument()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("a")]
                [Trigger<OrderPlaced>(If = {|#0:Incomplete|})]
                [Concurrency(1, Key = {|#1:Total + " +"|})]
                [Idempotency({|#2:$"{Total}["|})]
                public static Task A(Event<OrderPlaced> evt) => Task.CompletedTask;
            """),
            Syntax(0, "event.data.total >", "[Trigger<OrderPlaced>] If", "Expected an expression but found end of input"),
            Syntax(1, "event.data.total +", "[Concurrency] Key", "Expected an expression but found end of input"),
            Syntax(2, "event.data.total[", "[Idempotency] key", "Expected an expression but found end of input"));

    [Fact]
    public Task Valid_expressions_everywhere_get_no_diagnostic()
        => V.AnalyzerAsync(Source(""""
                [InngestFunction("a")]
                [Trigger<OrderPlaced>(If = "event.data.total > 100 && event.data.shipping.city == 'Paris'")]
                [Trigger<OrderPlaced>(If = @"event.data.region_code == ""eu"" || has(event.data.shipping.zip_code)")]
                [Concurrency(1, Key = "event.data.customerId + '-' + event.data.region_code")]
                [Throttle(10, "1m", Key = "event.data.customerId")]
                [RateLimit(1, "24h", Key = "event.data.customerId")]
                [Debounce("5m", Key = "event.data.tags.anything", Timeout = "1h")]
                [Singleton(SingletonMode.Skip, Key = "event.data.extra.whatever.deep")]
                [Idempotency("event.data.lines[0].sku")]
                [Priority("""
                    event.data.total > 1000
                        ? 120
                        : 0
                    """)]
                [CancelOn<OrderCancelled>(If = "event.data.orderId == async.data.orderId && async.data.reason != 'x'", Timeout = "7d")]
                [Timeouts(Start = "10m", Finish = "2h45m")]
                public static Task A(Event<OrderPlaced> evt) => Task.CompletedTask;

                [InngestFunction("b")]
                [BatchEvents(100, "5s", Key = "event.data.customerId", If = "event.data.lines.exists(l, l.quantity > 1)")]
                public static Task B(IReadOnlyList<Event<OrderPlaced>> events) => Task.CompletedTask;

                [InngestFunction("c")]
                [Cron("0 9 * * 1-5", Jitter = "30s")]
                public static Task C() => Task.CompletedTask;

                [InngestFunction("d")]
                public static async Task D(Event<OrderPlaced> evt, IStepTools step)
                {
                    var orderId = evt.Data.OrderId;
                    await step.WaitForEventAsync<OrderCancelled>("wait", TimeSpan.FromHours(1), "event.data.orderId == async.data.orderId");
                    await step.WaitForEventAsync<OrderCancelled>("quoted", TimeSpan.FromHours(1), $"async.data.orderId == {ExpressionText.Quote(orderId)}");
                    await step.WaitForEventAsync<OrderCancelled>("number", TimeSpan.FromHours(1), $"event.data.total > {evt.Data.Lines.Count}");
                    await step.WaitForEventAsync<OrderCancelled>("constant", TimeSpan.FromHours(1), $"{Total} > 1");
                    await step.WaitForEventAsync("typed", TimeSpan.FromHours(1),
                        (Event<OrderPlaced> trigger, Event<OrderCancelled> incoming) => trigger.Data.OrderId == incoming.Data.OrderId);
                    await step.WaitForEventAsync<OrderCancelled>("none", TimeSpan.FromHours(1));
                }

                public static FunctionTrigger Trigger() => FunctionTrigger.ForEvent("shop/order.placed", "event.data.total > 1");

                public static FunctionTrigger CronTrigger() => FunctionTrigger.ForCron("0 * * * *", "5m") with { Expression = null, Jitter = "1m" };
            """"));

    [Fact]
    public Task Paths_that_name_no_member_of_the_event_are_a_warning()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("a")]
                [Trigger<OrderPlaced>(If = "event.data.{|#0:OrderId|} == 'x'")]
                [Trigger<OrderPlaced>(If = "event.data.{|#1:secret|} == 'x'")]
                [Concurrency(1, Key = "event.data.shipping.{|#2:zipCode|}")]
                [Idempotency("event.data.lines[0].{|#3:price|}")]
                [Priority("event.data{|#4:[|}'region'] == 'eu' ? 1 : 0")]
                [CancelOn<OrderCancelled>(If = "event.data.orderId == async.data.{|#5:order_id|}")]
                public static Task A(Event<OrderPlaced> evt) => Task.CompletedTask;

                [InngestFunction("b")]
                public static async Task B(Event<OrderPlaced> evt, IStepTools step)
                    => await step.WaitForEventAsync<OrderCancelled>("wait", TimeSpan.FromHours(1), "async.data.{|#6:why|} == event.data.{|#7:reason|}");
            """),
            Unknown(0, "event.data.OrderId", "[Trigger<OrderPlaced>] If", "'OrderPlaced'", OrderPlacedMembers, "; did you mean 'orderId'?"),
            Unknown(1, "event.data.secret", "[Trigger<OrderPlaced>] If", "'OrderPlaced'", OrderPlacedMembers),
            Unknown(2, "event.data.shipping.zipCode", "[Concurrency] Key", "'Address'", "city, zip_code"),
            Unknown(3, "event.data.lines[...].price", "[Idempotency] key", "'Line'", "quantity, sku"),
            Unknown(4, "event.data['region']", "[Priority] run", "'OrderPlaced'", OrderPlacedMembers),
            Unknown(5, "async.data.order_id", "[CancelOn<OrderCancelled>] If", "'OrderCancelled'", "orderId, reason"),
            Unknown(6, "async.data.why", "WaitForEventAsync<OrderCancelled>'s condition", "'OrderCancelled'", "orderId, reason"),
            Unknown(7, "event.data.reason", "WaitForEventAsync<OrderCancelled>'s condition", "'OrderPlaced'", OrderPlacedMembers));

    [Fact]
    public Task Paths_of_a_batched_function_are_checked_against_the_events_of_its_list_or_array()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("a")]
                [BatchEvents(10, "5s", Key = "event.data.{|#0:CustomerId|}")]
                public static Task A(IReadOnlyList<Event<OrderPlaced>> events) => Task.CompletedTask;

                [InngestFunction("b")]
                [BatchEvents(10, "5s", Key = "event.data.customerId", If = "event.data.{|#1:secret|} != ''")]
                public static Task B(Event<OrderPlaced>[] events) => Task.CompletedTask;
            """),
            Unknown(0, "event.data.CustomerId", "[BatchEvents] Key", "'OrderPlaced'", OrderPlacedMembers, "; did you mean 'customerId'?"),
            Unknown(1, "event.data.secret", "[BatchEvents] If", "'OrderPlaced'", OrderPlacedMembers));

    [Fact]
    public Task Paths_are_checked_against_every_trigger_type_and_not_at_all_when_the_type_is_unknown()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("a")]
                [Trigger<OrderPlaced>]
                [Trigger<OrderCancelled>]
                [Concurrency(1, Key = "event.data.reason")]
                [Throttle(1, "1s", Key = "event.data.{|#0:nope|}")]
                public static Task A(Event<OrderPlaced> evt) => Task.CompletedTask;

                public static async Task Helper(IStepTools step)
                    => await step.WaitForEventAsync<OrderCancelled>("wait", TimeSpan.FromHours(1), "event.data.anything == async.data.orderId");

                public static FunctionTrigger Trigger() => FunctionTrigger.ForEvent("shop/order.placed", "event.data.anything > 1");

                [InngestFunction("b")]
                [Cron("0 * * * *")]
                [Concurrency(1, Key = "event.data.anything")]
                public static Task B() => Task.CompletedTask;
            """),
            Unknown(0, "event.data.nope", "[Throttle] Key", "'OrderPlaced' or 'OrderCancelled'", OrderPlacedMembers));

    [Fact]
    public Task Async_where_only_event_is_bound_is_an_error()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("a")]
                [Trigger<OrderPlaced>(If = "event.data.orderId == {|#0:async|}.data.orderId")]
                [Concurrency(1, Key = "{|#1:async|}.data.orderId")]
                [BatchEvents(10, "10s", If = "{|#2:async|} != null")]
                public static Task A(IReadOnlyList<Event<OrderPlaced>> events) => Task.CompletedTask;

                [InngestFunction("b")]
                [Trigger<OrderPlaced>(If = "event.data.lines.exists(async, async.quantity > 1)")]
                [CancelOn<OrderCancelled>(If = "event.data.orderId == async.data.orderId")]
                public static Task B(Event<OrderPlaced> evt) => Task.CompletedTask;

                public static FunctionTrigger Trigger() => FunctionTrigger.ForEvent("shop/order.placed", {|#3:"async.data.x == 1" + ""|});
            """),
            V.Diagnostic(DiagnosticDescriptors.ExpressionAsyncNotBound).WithLocation(0).WithArguments("event.data.orderId == async.data.orderId", "[Trigger<OrderPlaced>] If"),
            V.Diagnostic(DiagnosticDescriptors.ExpressionAsyncNotBound).WithLocation(1).WithArguments("async.data.orderId", "[Concurrency] Key"),
            V.Diagnostic(DiagnosticDescriptors.ExpressionAsyncNotBound).WithLocation(2).WithArguments("async != null", "[BatchEvents] If"),
            V.Diagnostic(DiagnosticDescriptors.ExpressionAsyncNotBound).WithLocation(3).WithArguments("async.data.x == 1", "FunctionTrigger.ForEvent's expression"));

    [Fact]
    public Task Logical_operators_in_keys_are_a_warning_but_not_in_conditions()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("a")]
                [Trigger<OrderPlaced>(If = "event.data.total > 1 && event.data.total < 9")]
                [Concurrency(1, Key = "event.data.customerId {|#0:&&|} event.data.orderId")]
                [Debounce("10s", Key = "event.data.customerId {|#1:|||} event.data.orderId || event.data.total")]
                [Singleton(SingletonMode.Cancel, Key = "event.data.customerId + '-' + event.data.orderId")]
                public static Task A(Event<OrderPlaced> evt) => Task.CompletedTask;
            """),
            V.Diagnostic(DiagnosticDescriptors.ExpressionLogicInKey).WithLocation(0).WithArguments("event.data.customerId && event.data.orderId", "[Concurrency] Key", "&&"),
            V.Diagnostic(DiagnosticDescriptors.ExpressionLogicInKey).WithLocation(1).WithArguments("event.data.customerId || event.data.orderId || event.data.total", "[Debounce] Key", "||"));

    [Fact]
    public Task Expressions_built_from_run_time_values_are_a_warning()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("a")]
                public static async Task A(Event<OrderPlaced> evt, IStepTools step)
                {
                    var orderId = evt.Data.OrderId;
                    await step.WaitForEventAsync<OrderCancelled>("a", TimeSpan.FromHours(1), {|#0:$"async.data.orderId == '{orderId}'"|});
                    await step.WaitForEventAsync<OrderCancelled>("b", TimeSpan.FromHours(1), {|#1:"async.data.orderId == '" + evt.Data.OrderId + "'"|});
                    var condition = $"async.data.reason == '{evt.Data.Shipping.City}'";
                    await step.WaitForEventAsync<OrderCancelled>("c", TimeSpan.FromHours(1), {|#2:condition|});
                    await step.WaitForEventAsync<OrderCancelled>(id: "d", @if: {|#3:$"async.data.orderId == '{evt.Data.OrderId.ToUpperInvariant()}'"|}, timeout: TimeSpan.FromHours(1));
                }

                public static FunctionTrigger Trigger(string plan) => FunctionTrigger.ForEvent("shop/order.placed", {|#4:$"event.data.plan == '{plan}'"|});
            """),
            Built(0, "WaitForEventAsync<OrderCancelled>'s condition", "orderId", WaitAdvice),
            Built(1, "WaitForEventAsync<OrderCancelled>'s condition", "evt.Data.OrderId", WaitAdvice),
            Built(2, "WaitForEventAsync<OrderCancelled>'s condition", "evt.Data.Shipping.City", WaitAdvice),
            Built(3, "WaitForEventAsync<OrderCancelled>'s condition", "evt.Data.OrderId.ToUpperInvariant()", WaitAdvice),
            Built(4, "FunctionTrigger.ForEvent's expression", "plan", "quote the value with ExpressionText.Quote(...), which escapes it as a string literal"));

    private const string WaitAdvice =
        "compare fields of the two events with the typed match overload, WaitForEventAsync<TTrigger, T>(id, timeout, (trigger, incoming) => trigger.Data.UserId == incoming.Data.UserId), or quote the value with ExpressionText.Quote(...)";

    private static DiagnosticResult Built(int location, string site, string part, string advice)
        => V.Diagnostic(DiagnosticDescriptors.ExpressionBuiltFromValues).WithLocation(location).WithArguments(site, part, advice);

    private const string NotATimeString = "is not a time string; write a number and a unit, e.g. '30s', '5m', '2h' or '7d' (units: ns, us, ms, s, m, h, d, w)";

    [Fact]
    public Task Durations_that_do_not_parse_or_are_out_of_range_are_an_error()
        => V.AnalyzerAsync(Source("""
                [InngestFunction("a")]
                [Throttle(10, {|#0:"1 minute"|})]
                [RateLimit(1, {|#1:"2d"|})]
                [Debounce({|#2:"500ms"|}, Timeout = {|#3:"0s"|})]
                [CancelOn<OrderCancelled>(Timeout = {|#4:""|})]
                [Timeouts(Start = {|#5:"-5m"|}, Finish = {|#6:"10"|})]
                public static Task A(Event<OrderPlaced> evt) => Task.CompletedTask;

                [InngestFunction("b")]
                [BatchEvents(10, {|#7:"1d"|})]
                public static Task B(IReadOnlyList<Event<OrderPlaced>> events) => Task.CompletedTask;

                [InngestFunction("c")]
                [BatchEvents(10, timeout: {|#8:"10m"|})]
                public static Task C(IReadOnlyList<Event<OrderPlaced>> events) => Task.CompletedTask;

                [InngestFunction("d")]
                [Cron("0 * * * *", Jitter = {|#9:"10m"|})]
                public static Task D() => Task.CompletedTask;

                public static FunctionTrigger Trigger() => FunctionTrigger.ForCron("0 * * * *", {|#10:"soon"|});

                public static FunctionTrigger Other() => new() { Cron = "0 * * * *", Jitter = {|#11:"100ms"|} };
            """),
            Duration(0, "1 minute", "[Throttle] period", NotATimeString),
            Duration(1, "2d", "[RateLimit] period", "is out of range; Inngest accepts more than 0 and at most 24h"),
            Duration(2, "500ms", "[Debounce] period", "is out of range; Inngest accepts 1s to 7d"),
            Duration(3, "0s", "[Debounce] Timeout", "is out of range; Inngest accepts durations longer than 0"),
            Duration(4, "", "[CancelOn<OrderCancelled>] Timeout", NotATimeString),
            Duration(5, "-5m", "[Timeouts] Start", "is out of range; Inngest accepts durations longer than 0"),
            Duration(6, "10", "[Timeouts] Finish", NotATimeString),
            Duration(7, "1d", "[BatchEvents] timeout", "uses a 'd' or 'w' unit, which Inngest does not accept here (it reads this value as a Go duration: ns, us, ms, s, m, h)"),
            Duration(8, "10m", "[BatchEvents] timeout", "is out of range; Inngest accepts 1s to 5m"),
            Duration(9, "10m", "[Cron] Jitter", "is out of range; Inngest accepts 1s to 5m"),
            Duration(10, "soon", "FunctionTrigger.ForCron's jitter", NotATimeString),
            Duration(11, "100ms", "FunctionTrigger.Jitter", "is out of range; Inngest accepts 1s to 5m"));

    [Fact]
    public Task Rules_can_be_turned_off_in_editorconfig()
        => V.AnalyzerAsync(
            Source("""
                [InngestFunction("a")]
                [Throttle(10, "1 minute")]
                [Concurrency(1, Key = "event.data.customerId && event.data.{|#0:nope|}")]
                public static Task A(Event<OrderPlaced> evt) => Task.CompletedTask;
            """),
            "dotnet_diagnostic.INNG4006.severity = none\ndotnet_diagnostic.INNG4004.severity = none",
            Unknown(0, "event.data.nope", "[Concurrency] Key", "'OrderPlaced'", OrderPlacedMembers));

    [Fact]
    public async Task Nothing_is_reported_without_the_runtime()
    {
        var test = new Infrastructure.AnalyzerTest<Inngest.Events.Generators.Analyzers.Expressions.ExpressionAnalyzer, EmptyCodeFixProvider>(withRuntime: false)
        {
            TestCode = """
                namespace Acme;

                [System.AttributeUsage(System.AttributeTargets.Method)]
                public sealed class ThrottleAttribute(int limit, string period) : System.Attribute
                {
                    public string? Key { get; set; }
                }

                public static class Functions
                {
                    [Throttle(1, "forever", Key = "event.data.a && async")]
                    public static void A() { }
                }
                """,
        };
        await test.RunAsync();
    }
}
