using System.Text.Json;
using System.Text.Json.Serialization;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Shared;

namespace Inngest.Events.Generators.Tests;

/// <summary>Names the generator hard-codes match the runtime; every diagnostic has its page and release entry.</summary>
public sealed class CatalogueTests
{
    [Fact]
    public void Attribute_metadata_names_match_the_runtime_types()
    {
        Assert.Equal(KnownNames.EventAttribute, typeof(EventAttribute).FullName);
        Assert.Equal(KnownNames.EventDataInterface, typeof(IEventData<>).FullName);
        Assert.Equal(KnownNames.JsonPropertyNameAttribute, typeof(JsonPropertyNameAttribute).FullName);
        Assert.Equal(KnownNames.JsonIgnoreAttribute, typeof(JsonIgnoreAttribute).FullName);
        Assert.Equal(KnownNames.JsonPropertyOrderAttribute, typeof(JsonPropertyOrderAttribute).FullName);
        Assert.Equal(KnownNames.JsonRequiredAttribute, typeof(JsonRequiredAttribute).FullName);
        Assert.Equal(KnownNames.JsonConverterAttribute, typeof(JsonConverterAttribute).FullName);
        Assert.Equal(KnownNames.JsonConstructorAttribute, typeof(JsonConstructorAttribute).FullName);
        Assert.Equal(KnownNames.JsonExtensionDataAttribute, typeof(JsonExtensionDataAttribute).FullName);
        Assert.Equal(KnownNames.JsonNumberHandlingAttribute, typeof(JsonNumberHandlingAttribute).FullName);
        Assert.Equal(KnownNames.JsonObjectCreationHandlingAttribute, typeof(JsonObjectCreationHandlingAttribute).FullName);
        Assert.Equal(KnownNames.JsonUnmappedMemberHandlingAttribute, typeof(JsonUnmappedMemberHandlingAttribute).FullName);
        Assert.Equal(KnownNames.JsonDerivedTypeAttribute, typeof(JsonDerivedTypeAttribute).FullName);
        Assert.Equal(KnownNames.JsonIncludeAttribute, typeof(JsonIncludeAttribute).FullName);
        Assert.Equal(KnownNames.JsonElement, typeof(JsonElement).FullName);
    }

    [Fact]
    public void The_attribute_values_the_serializer_does_anyway_match_the_runtime_enums()
    {
        // UnhonouredAttribute compares the attributes' constructor arguments with these values.
        Assert.Equal(1, (int)JsonNumberHandling.AllowReadingFromString);
        Assert.Equal(JsonNumberHandling.AllowReadingFromString, new JsonSerializerOptions(JsonSerializerDefaults.Web).NumberHandling);
        Assert.Equal(1, (int)JsonUnmappedMemberHandling.Disallow);
        Assert.Equal(1, (int)JsonObjectCreationHandling.Populate);
    }

    [Fact]
    public void Function_metadata_names_match_the_runtime_types()
    {
        Assert.Equal(KnownNames.InngestFunctionAttribute, typeof(InngestFunctionAttribute).FullName);
        Assert.Equal(KnownNames.TriggerAttribute, typeof(TriggerAttribute<>).FullName);
        Assert.Equal(KnownNames.CronAttribute, typeof(CronAttribute).FullName);
        Assert.Equal(KnownNames.RetriesAttribute, typeof(RetriesAttribute).FullName);
        Assert.Equal(KnownNames.ConcurrencyAttribute, typeof(ConcurrencyAttribute).FullName);
        Assert.Equal(KnownNames.ThrottleAttribute, typeof(ThrottleAttribute).FullName);
        Assert.Equal(KnownNames.RateLimitAttribute, typeof(RateLimitAttribute).FullName);
        Assert.Equal(KnownNames.DebounceAttribute, typeof(DebounceAttribute).FullName);
        Assert.Equal(KnownNames.BatchEventsAttribute, typeof(BatchEventsAttribute).FullName);
        Assert.Equal(KnownNames.PriorityAttribute, typeof(PriorityAttribute).FullName);
        Assert.Equal(KnownNames.IdempotencyAttribute, typeof(IdempotencyAttribute).FullName);
        Assert.Equal(KnownNames.SingletonAttribute, typeof(SingletonAttribute).FullName);
        Assert.Equal(KnownNames.CancelOnAttribute, typeof(CancelOnAttribute<>).FullName);
        Assert.Equal(KnownNames.TimeoutsAttribute, typeof(TimeoutsAttribute).FullName);
        Assert.Equal(KnownNames.Event, typeof(Event<>).FullName);
        Assert.Equal(KnownNames.StepTools, typeof(IStepTools).FullName);
        // ExpressionText is also compiled into the generator assembly (the linked parser), so it is looked up by name here.
        Assert.NotNull(typeof(EventAttribute).Assembly.GetType(KnownNames.ExpressionText));
        Assert.Equal(KnownNames.FunctionContext, typeof(FunctionContext).FullName);
        Assert.Equal(KnownNames.FunctionFailed, typeof(FunctionFailed).FullName);
        Assert.Equal(KnownNames.FunctionFailedDisplay, "global::" + typeof(FunctionFailed).FullName);
        Assert.Equal(KnownNames.FunctionFailedEventName, FunctionFailed.EventName);
        Assert.Equal(KnownNames.ReadOnlyList, typeof(IReadOnlyList<>).FullName);
        Assert.Equal(KnownNames.CancellationToken, typeof(CancellationToken).FullName);
        Assert.Equal(KnownNames.Task, typeof(Task).FullName);
        Assert.Equal(KnownNames.TaskOfT, typeof(Task<>).FullName);
        Assert.Equal(KnownNames.ValueTask, typeof(ValueTask).FullName);
        Assert.Equal(KnownNames.ValueTaskOfT, typeof(ValueTask<>).FullName);
    }

    [Theory]
    [InlineData("send-welcome-email", "SendWelcomeEmail")]
    [InlineData("v2/orders.sync", "V2OrdersSync")]
    [InlineData("2fa-check", "Function2faCheck")]
    [InlineData("already_Pascal", "AlreadyPascal")]
    [InlineData("--", "Function")]
    public void Function_reference_names_are_pascal_case_identifiers(string id, string name)
        => Assert.Equal(name, Inngest.Events.Generators.Functions.FunctionGenerator.Emitter.PascalCase(id));

    [Fact]
    public void Generator_version_matches_the_package_version()
        => Assert.Equal(ThisAssembly.Version, typeof(EventAttribute).Assembly.GetName().Version!.ToString(3));

    [Fact]
    public void Every_diagnostic_has_a_docs_page_a_help_link_and_a_release_entry()
    {
        var root = RepositoryRoot();
        var releases = File.ReadAllText(Path.Combine(root, "src", "Inngest.Events.Generators", "AnalyzerReleases.Unshipped.md"))
            + File.ReadAllText(Path.Combine(root, "src", "Inngest.Events.Generators", "AnalyzerReleases.Shipped.md"));
        Assert.NotEmpty(DiagnosticDescriptors.All);
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            Assert.Matches("^INNG[1-4][0-9]{3}$", descriptor.Id);
            var page = Path.Combine(root, "docs", "diagnostics", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page at docs/diagnostics/{descriptor.Id}.md");
            Assert.Contains(descriptor.Id, File.ReadAllText(page));
            Assert.EndsWith($"docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri);
            Assert.Contains($"{descriptor.Id} |", releases);
        }
    }

    [Theory]
    [InlineData("URLValue")]
    [InlineData("IOStream")]
    [InlineData("ABC")]
    [InlineData("A")]
    [InlineData("Ab")]
    [InlineData("aB")]
    [InlineData("XMLHttp Request")]
    [InlineData("ID")]
    [InlineData("_x")]
    [InlineData("Éclair")]
    [InlineData("A1B")]
    [InlineData("InvoiceId")]
    [InlineData("")]
    public void Camel_case_matches_System_Text_Json(string name)
        => Assert.Equal(JsonNamingPolicy.CamelCase.ConvertName(name), JsonNaming.CamelCase(name));

    private static string RepositoryRoot()
    {
        var directory = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(directory, "Generators.sln")))
        {
            directory = Path.GetDirectoryName(directory) ?? throw new InvalidOperationException("Repository root not found.");
        }

        return directory;
    }
}
