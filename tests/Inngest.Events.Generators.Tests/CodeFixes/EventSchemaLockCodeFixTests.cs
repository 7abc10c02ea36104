using Inngest.Events.CodeFixes;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.SchemaLock;
using Inngest.Events.Generators.Tests.Infrastructure;
using Inngest.Events.Generators.Tests.SchemaLock;
using Microsoft.CodeAnalysis.Testing;

namespace Inngest.Events.Generators.Tests.CodeFixes;

/// <summary>
/// "Update inngest-events.lock.json" one event at a time and with Fix All (document, project, solution), through the
/// code-fix test framework, which applies the fix to the lock as the IDE does and checks every diagnostic is gone after.
/// </summary>
public sealed class EventSchemaLockCodeFixTests
{
    private const string LockFile = "inngest-events.lock.json";

    private const string Refunded = """

        [Event("shop/order.refunded")]
        public partial record OrderRefunded(string OrderId);
        """;

    private const string Before = LockHarness.Usings + """
        [Event("shop/order.placed", Version = "1")]
        public partial record OrderPlaced(string OrderId, int Quantity);

        [Event("shop/order.cancelled")]
        public partial record OrderCancelled(string OrderId);

        [Event("shop/order.refunded")]
        public partial record OrderRefunded(string OrderId);
        """;

    // A new version of one event, a compatible change to another, one event not locked yet.
    private const string After = LockHarness.Usings + """
        [Event("shop/order.placed", Version = "2")]
        public partial record {|#0:OrderPlaced|}(string OrderId, string Quantity);

        [Event("shop/order.cancelled")]
        public partial record {|#1:OrderCancelled|}(string OrderId)
        {
            public string? Reason { get; init; }
        }

        [Event("shop/order.shipped")]
        public partial record {|#2:OrderShipped|}(string OrderId, DateTimeOffset ShippedAt);
        """;

    [Fact]
    public async Task Each_fix_and_Fix_All_update_the_lock_to_the_events_as_they_are()
    {
        var before = LockHarness.Lock(Before.Replace(Refunded, string.Empty, StringComparison.Ordinal));
        var expected = LockHarness.Update(before, Strip(After));
        var test = new AnalyzerTest<EventSchemaLockAnalyzer, EventSchemaLockCodeFixProvider> { TestCode = After, FixedCode = Strip(After) };
        test.TestState.AdditionalFiles.Add((LockFile, before));
        test.FixedState.AdditionalFiles.Add((LockFile, expected));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.EventSchemaChangeNotLocked).WithLocation(0).WithArguments("shop/order.placed", "version '2'", "is not in the lock yet, which records '1' (the lock keeps them for events already sent)"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.EventSchemaChangeNotLocked).WithLocation(1).WithArguments("shop/order.cancelled", "without a version", "has changes that the lock does not record yet: $.reason: is a new optional member"));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.EventLockEntryMismatch).WithLocation(2).WithArguments("The event type 'OrderShipped' ('shop/order.shipped') is not in inngest-events.lock.json, so changes to its schema are not checked"));
        test.NumberOfIncrementalIterations = 3;
        test.NumberOfFixAllIterations = 1;
        test.NumberOfFixAllInDocumentIterations = 1;
        await test.RunAsync();

        // The updated lock: version 1 kept beside version 2, the new member and the new event in.
        var updated = EventLockFile.Parse(expected);
        Assert.Equal(["shop/order.cancelled", "shop/order.placed", "shop/order.shipped"], updated.Events.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["1", "2"], updated.Events["shop/order.placed"].Versions.Keys.Order(StringComparer.Ordinal));
        Assert.True(LockNode.DeepEquals(EventLockFile.Parse(before).Events["shop/order.placed"].Versions["1"].Node, updated.Events["shop/order.placed"].Versions["1"].Node));
    }

    [Fact]
    public async Task No_fix_is_offered_for_a_breaking_change()
    {
        var before = LockHarness.Lock(Before);
        var source = Before.Replace("public partial record OrderPlaced(string OrderId, int Quantity);", "public partial record {|#0:OrderPlaced|}(string OrderId, string Quantity);", StringComparison.Ordinal);
        var test = new AnalyzerTest<EventSchemaLockAnalyzer, EventSchemaLockCodeFixProvider> { TestCode = source, FixedCode = source };
        test.TestState.AdditionalFiles.Add((LockFile, before));
        test.FixedState.AdditionalFiles.Add((LockFile, before));
        test.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.EventSchemaBreakingChange).WithLocation(0).WithArguments("shop/order.placed", "version '1'", "$.quantity", "changed from integer to string"));
        test.FixedState.ExpectedDiagnostics.Add(new DiagnosticResult(DiagnosticDescriptors.EventSchemaBreakingChange).WithLocation(0).WithArguments("shop/order.placed", "version '1'", "$.quantity", "changed from integer to string"));
        await test.RunAsync();
    }

    [Fact]
    public async Task The_fix_on_a_locked_event_whose_type_is_gone_removes_it_from_the_lock()
    {
        var source = Strip(After);
        var before = LockHarness.Lock(Before);
        using var workspace = new Microsoft.CodeAnalysis.AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("App", "App", Microsoft.CodeAnalysis.LanguageNames.CSharp)
            .WithCompilationOptions(LockHarness.Compile(source).Options)
            .WithMetadataReferences(LockHarness.Compile(source).References);
        project = project.AddDocument("Events.cs", source).Project;
        var lockDocument = project.AddAdditionalDocument(LockFile, before, filePath: "/app/" + LockFile);
        project = lockDocument.Project;

        var diagnostics = await LockHarness.AnalyzeAsync((await project.GetCompilationAsync())!, before);
        var gone = Assert.Single(diagnostics, d => !d.Location.IsInSource);
        var actions = new List<Microsoft.CodeAnalysis.CodeActions.CodeAction>();
        var context = new Microsoft.CodeAnalysis.CodeFixes.CodeFixContext(lockDocument, gone, (action, _) => actions.Add(action), CancellationToken.None);
        await new EventSchemaLockCodeFixProvider().RegisterCodeFixesAsync(context);
        var action = Assert.Single(actions);
        Assert.Equal("Update inngest-events.lock.json", action.Title);
        var operation = Assert.Single(await action.GetOperationsAsync(CancellationToken.None));
        var changed = ((Microsoft.CodeAnalysis.CodeActions.ApplyChangesOperation)operation).ChangedSolution;
        var text = (await changed.GetAdditionalDocument(lockDocument.Id)!.GetTextAsync()).ToString();

        // Only the gone event changed: it is out, and the events with their own diagnostics are as they were.
        Assert.DoesNotContain("shop/order.refunded", text, StringComparison.Ordinal);
        var expected = EventLockWriter.Write(EventLockFile.Parse(before), [], ["shop/order.refunded"]);
        Assert.Equal(expected, text);
    }

    /// <summary>The sources without markup.</summary>
    private static string Strip(string source)
        => System.Text.RegularExpressions.Regex.Replace(source, @"\{\|#\d+:([^|]*)\|\}", "$1");
}
