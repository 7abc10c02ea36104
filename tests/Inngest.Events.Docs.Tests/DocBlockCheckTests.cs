using Inngest.Events.Docs.Tests.Infrastructure;
using Xunit.Sdk;

namespace Inngest.Events.Docs.Tests;

/// <summary>
/// The check in <see cref="DocumentationCodeBlockTests"/> fails when the docs drift from the API: each case here is a
/// small Markdown page with a block that is wrong in one way, and the check must reject it with a message that points
/// at the Markdown line.
/// </summary>
public sealed class DocBlockCheckTests
{
    [Fact]
    public async Task A_call_to_an_api_that_is_not_there_fails_at_its_markdown_line()
    {
        var block = Single("""
            # Steps

            <!-- compile: functions -->
            ```csharp
            var receipt = await step.RunAsync("charge", () => payments.ChargeAsync(invoiceId), retries: 3);
            ```
            """);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => DocBlockAssert.CompilesAsMarkedAsync(block));

        Assert.Contains("docs/drift.md(5,", failure.Message, StringComparison.Ordinal);
        Assert.Contains("CS1739", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_renamed_method_in_a_type_declared_by_the_block_fails()
    {
        var block = Single("""
            <!-- compile: functions -->
            ```csharp
            public sealed class BillingFunctions(Payments payments)
            {
                [InngestFunction("pay-invoice")]
                public async Task PayAsync(Event<InvoiceDue> evt, IStepTools step)
                    => await step.SendAsync("send-invoice-paid", new InvoicePaid(evt.Data.InvoiceId, "r1"));
            }
            ```
            """);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => DocBlockAssert.CompilesAsMarkedAsync(block));

        Assert.Contains("docs/drift.md(7,", failure.Message, StringComparison.Ordinal);
        Assert.Contains("error CS1061: 'IStepTools' does not contain a definition for 'SendAsync'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_web_app_block_gets_only_the_usings_of_the_Web_SDK()
    {
        // What README's "Running on Inngest" looked like when AddFunctions needed a using nobody wrote.
        var block = Single("""
            <!-- compile: web-app -->
            ```csharp
            var builder = WebApplication.CreateBuilder(args);
            builder.Services.AddInngest(o => o.AppId = "billing");
            var app = builder.Build();
            var client = app.Services.GetRequiredService<IInngestClient>();
            ```
            """);

        var result = await DocBlockCompiler.CompileAsync(block);

        Assert.Equal(["CS0246"], result.Ids);
        Assert.Contains("README-like.md(6,", result.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_example_whose_diagnostic_no_longer_fires_fails()
    {
        var block = Single("""
            ## Bad

            <!-- compile: events; expect: INNG1001 -->
            ```csharp
            [Event("billing/invoice.paid")]
            public partial record InvoicePaid(string InvoiceId);
            ```
            """);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => DocBlockAssert.CompilesAsMarkedAsync(block));

        Assert.Contains("should report INNG1001 but reported:\n  (none)", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_example_shown_as_right_fails_on_any_diagnostic_even_an_info()
    {
        var block = Single("""
            <!-- compile: events -->
            ```csharp
            [Event("email/welcome.send")]
            public partial record SendWelcomeEmail(string UserId);
            ```
            """);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => DocBlockAssert.CompilesAsMarkedAsync(block));

        Assert.Contains("docs/drift.md(3,8): info INNG1013", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expected_diagnostics_are_counted()
    {
        var block = Single("""
            <!-- compile: events; expect: INNG1011 -->
            ```csharp
            [Event("Billing/InvoicePaid")]
            public partial record InvoicePaid(string InvoiceId);

            [Event("billing/invoice_voided")]
            public partial record InvoiceVoided(string InvoiceId);
            ```
            """);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => DocBlockAssert.CompilesAsMarkedAsync(block));

        Assert.Contains("should report INNG1011 but reported", failure.Message, StringComparison.Ordinal);
        Assert.Equal(2, failure.Message.Split("warning INNG1011").Length - 1);
    }

    [Fact]
    public async Task A_generator_error_in_a_kept_type_and_an_error_in_a_moved_statement_map_to_their_lines()
    {
        var block = Single("""
            <!-- compile: functions -->
            ```csharp
            await step.RunAsync("load", () => Missing.Load());

            [Event("billing/invoice.paid")]
            public record NotPartial(string InvoiceId);
            ```
            """);

        var result = await DocBlockCompiler.CompileAsync(block);
        var text = result.Describe();

        Assert.Contains("docs/drift.md(3,35): error CS0103: The name 'Missing' does not exist", text, StringComparison.Ordinal);
        Assert.Contains("docs/drift.md(6,15): error INNG1001", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_block_without_a_marker_fails_and_says_which_contexts_there_are()
    {
        var block = Single("""
            Some text.
            ```csharp
            [Event("billing/invoice.paid")]
            public partial record InvoicePaid(string InvoiceId);
            ```
            """);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => DocBlockAssert.CompilesAsMarkedAsync(block));

        Assert.Contains("docs/drift.md:2: the line above the ```csharp fence must say how the block compiles", failure.Message, StringComparison.Ordinal);
        Assert.Contains("events, functions", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_malformed_marker_fails_with_the_grammar()
    {
        var block = Single("""
            <!-- compile functions expect INNG3010 -->
            ```csharp
            var x = 1;
            ```
            """);

        var failure = await Assert.ThrowsAnyAsync<XunitException>(() => DocBlockAssert.CompilesAsMarkedAsync(block));

        Assert.Contains("is not a marker this test understands", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_context_is_an_error_that_lists_the_contexts()
    {
        var block = Single("""
            <!-- compile: controllers -->
            ```csharp
            var x = 1;
            ```
            """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DocBlockCompiler.CompileAsync(block));

        Assert.Contains("There is no compile context 'controllers'", error.Message, StringComparison.Ordinal);
        Assert.Contains("app-code, events, functions, tests, web-app", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_test_code_contexts_compile_against_the_test_framework()
    {
        const string test = """
            [Fact]
            public void Adds() => Assert.Equal(2, 1 + 1);
            """;
        var inTests = await DocBlockCompiler.CompileAsync(Single($"<!-- compile: tests -->\n```csharp\n{test}\n```"));
        var inFunctions = await DocBlockCompiler.CompileAsync(Single($"<!-- compile: functions -->\n```csharp\n{test}\n```"));

        Assert.Empty(inTests.Diagnostics);
        Assert.Contains(inFunctions.Diagnostics, d => d.Id == "CS0246" && d.GetMessage().Contains("Fact", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Statements_in_a_context_without_a_place_for_them_are_an_error()
    {
        var block = Single("""
            <!-- compile: events -->
            ```csharp
            Console.WriteLine("hello");
            ```
            """);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => DocBlockCompiler.CompileAsync(block));

        Assert.Contains("has statements, but the context 'events' has no '// <statements>' line", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Markers_are_read_strictly()
    {
        var plain = CodeBlockMarker.Parse("<!-- compile: functions -->");
        Assert.Equal(("functions", 0, null), (plain?.Context, plain?.Expected.Count, plain?.NotCompiledReason));
        Assert.Equal(["CS4014", "INNG3013", "INNG3013"], CodeBlockMarker.Parse("<!-- compile: functions; expect: INNG3013 CS4014 INNG3013 -->")!.Expected);
        Assert.Equal("the API is shown in pieces", CodeBlockMarker.Parse("<!-- not compiled: the API is shown in pieces -->")!.NotCompiledReason);
        Assert.Null(CodeBlockMarker.Parse("<!-- a comment about something else -->"));
        Assert.Null(CodeBlockMarker.Parse("Compile it with dotnet build."));
        Assert.Throws<FormatException>(() => CodeBlockMarker.Parse("<!-- compile: functions; expect: -->"));
        Assert.Throws<FormatException>(() => CodeBlockMarker.Parse("<!-- compile: Functions -->"));
        Assert.Throws<FormatException>(() => CodeBlockMarker.Parse("<!-- not compiled: -->"));
    }

    [Fact]
    public void Only_csharp_fences_are_blocks_and_other_fences_are_skipped_whole()
    {
        var blocks = MarkdownCodeBlocks.Read("docs/drift.md", """
            # Title

            ```bash
            echo '```csharp'
            ```

            <!-- compile: events -->
            ```csharp
            [Event("a/b.created")]
            ```

            ```ini
            x = 1
            ```
            """).ToArray();

        var block = Assert.Single(blocks);
        Assert.Equal((8, "# Title", "[Event(\"a/b.created\")]"), (block.FenceLine, block.Heading, block.Code));
        Assert.Equal("events", block.Marker?.Context);
    }

    private static MarkdownCodeBlock Single(string markdown)
    {
        var file = markdown.Contains("compile: web-app", StringComparison.Ordinal) ? "README-like.md" : "docs/drift.md";
        return Assert.Single(MarkdownCodeBlocks.Read(file, markdown));
    }
}
