namespace Inngest.Events.Generators.Shared;

/// <summary>Metadata names of the runtime types the generator looks for (checked against the runtime by a test).</summary>
internal static class KnownNames
{
    public const string EventAttribute = "Inngest.Events.EventAttribute";
    public const string EventDataInterface = "Inngest.Events.IEventData`1";
    public const string InngestFunctionAttribute = "Inngest.Events.InngestFunctionAttribute";
    public const string TriggerAttribute = "Inngest.Events.TriggerAttribute`1";
    public const string CronAttribute = "Inngest.Events.CronAttribute";
    public const string RetriesAttribute = "Inngest.Events.RetriesAttribute";
    public const string ConcurrencyAttribute = "Inngest.Events.ConcurrencyAttribute";
    public const string ThrottleAttribute = "Inngest.Events.ThrottleAttribute";
    public const string RateLimitAttribute = "Inngest.Events.RateLimitAttribute";
    public const string DebounceAttribute = "Inngest.Events.DebounceAttribute";
    public const string BatchEventsAttribute = "Inngest.Events.BatchEventsAttribute";
    public const string PriorityAttribute = "Inngest.Events.PriorityAttribute";
    public const string IdempotencyAttribute = "Inngest.Events.IdempotencyAttribute";
    public const string SingletonAttribute = "Inngest.Events.SingletonAttribute";
    public const string CancelOnAttribute = "Inngest.Events.CancelOnAttribute`1";
    public const string TimeoutsAttribute = "Inngest.Events.TimeoutsAttribute";
    public const string Event = "Inngest.Events.Event`1";
    public const string StepTools = "Inngest.Events.IStepTools";
    public const string FunctionReference = "Inngest.Events.FunctionReference`2";
    public const string ExpressionText = "Inngest.Events.Expressions.ExpressionText";
    public const string FunctionContext = "Inngest.Events.FunctionContext";
    public const string FunctionFailed = "Inngest.Events.FunctionFailed";
    public const string FunctionFailedEventName = "inngest/function.failed";
    public const string FunctionFailedDisplay = "global::Inngest.Events.FunctionFailed";
    public const string ReadOnlyList = "System.Collections.Generic.IReadOnlyList`1";
    public const string CancellationToken = "System.Threading.CancellationToken";
    public const string Task = "System.Threading.Tasks.Task";
    public const string TaskOfT = "System.Threading.Tasks.Task`1";
    public const string ValueTask = "System.Threading.Tasks.ValueTask";
    public const string ValueTaskOfT = "System.Threading.Tasks.ValueTask`1";
    public const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    public const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    public const string JsonPropertyOrderAttribute = "System.Text.Json.Serialization.JsonPropertyOrderAttribute";
    public const string JsonRequiredAttribute = "System.Text.Json.Serialization.JsonRequiredAttribute";
    public const string JsonConverterAttribute = "System.Text.Json.Serialization.JsonConverterAttribute";
    public const string JsonConstructorAttribute = "System.Text.Json.Serialization.JsonConstructorAttribute";
    public const string JsonExtensionDataAttribute = "System.Text.Json.Serialization.JsonExtensionDataAttribute";
    public const string JsonNumberHandlingAttribute = "System.Text.Json.Serialization.JsonNumberHandlingAttribute";
    public const string JsonObjectCreationHandlingAttribute = "System.Text.Json.Serialization.JsonObjectCreationHandlingAttribute";
    public const string JsonUnmappedMemberHandlingAttribute = "System.Text.Json.Serialization.JsonUnmappedMemberHandlingAttribute";
    public const string JsonDerivedTypeAttribute = "System.Text.Json.Serialization.JsonDerivedTypeAttribute";
    public const string JsonIncludeAttribute = "System.Text.Json.Serialization.JsonIncludeAttribute";
    public const string JsonElement = "System.Text.Json.JsonElement";
    public const string SetsRequiredMembersAttribute = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";
}
