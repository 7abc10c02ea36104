namespace Inngest.Events.Generators.Shared;

/// <summary>Metadata names of the runtime types the generator looks for (checked against the runtime by a test).</summary>
internal static class KnownNames
{
    public const string EventAttribute = "Inngest.Events.EventAttribute";
    public const string EventDataInterface = "Inngest.Events.IEventData`1";
    public const string JsonPropertyNameAttribute = "System.Text.Json.Serialization.JsonPropertyNameAttribute";
    public const string JsonIgnoreAttribute = "System.Text.Json.Serialization.JsonIgnoreAttribute";
    public const string JsonPropertyOrderAttribute = "System.Text.Json.Serialization.JsonPropertyOrderAttribute";
    public const string JsonRequiredAttribute = "System.Text.Json.Serialization.JsonRequiredAttribute";
    public const string JsonConverterAttribute = "System.Text.Json.Serialization.JsonConverterAttribute";
    public const string JsonConstructorAttribute = "System.Text.Json.Serialization.JsonConstructorAttribute";
    public const string JsonElement = "System.Text.Json.JsonElement";
    public const string SetsRequiredMembersAttribute = "System.Diagnostics.CodeAnalysis.SetsRequiredMembersAttribute";
}
