using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// One type's JSON shape as <see cref="JsonShapeCache"/> describes it: the model without a position, the types it
/// leads to (the element or underlying type, or each property's type), or why it cannot be serialized.
/// </summary>
internal sealed class JsonTypeNode
{
    private JsonTypeNode(JsonTypeModel? model, ITypeSymbol? element, ImmutableArray<PropertyFacts?> members, string? reason, UnhonouredAttribute? attribute = null, int? numberHandling = null)
    {
        NumberHandling = numberHandling;
        Model = model;
        Element = element;
        Members = members;
        Reason = reason;
        Attribute = attribute;
    }

    /// <summary>The model with <see cref="JsonTypeModel.Index"/>, <see cref="JsonTypeModel.Element"/> and property type indexes at -1; null when unsupported.</summary>
    public JsonTypeModel? Model { get; }

    /// <summary>For Nullable, Array, List and Dictionary: the underlying, element or value type.</summary>
    public ITypeSymbol? Element { get; }

    /// <summary>For objects: per property of <see cref="Model"/>, the facts of the property whose type the serializer handles (null when a converter does).</summary>
    public ImmutableArray<PropertyFacts?> Members { get; }

    /// <summary>Why the type itself cannot be serialized (not counting its element), or null.</summary>
    public string? Reason { get; }

    /// <summary>For objects: the type's own [JsonNumberHandling] (0 Strict, 1 AllowReadingFromString) for its properties, or null.</summary>
    public int? NumberHandling { get; }

    /// <summary>When the type cannot be serialized because of a System.Text.Json attribute on it: that attribute.</summary>
    public UnhonouredAttribute? Attribute { get; }

    public static JsonTypeNode Leaf(JsonTypeModel model) => new(model, null, ImmutableArray<PropertyFacts?>.Empty, null);

    public static JsonTypeNode Container(JsonTypeModel model, ITypeSymbol element) => new(model, element, ImmutableArray<PropertyFacts?>.Empty, null);

    public static JsonTypeNode Object(JsonTypeModel model, ImmutableArray<PropertyFacts?> members, int? numberHandling)
        => new(model, null, members, null, numberHandling: numberHandling);

    public static JsonTypeNode Unsupported(string reason) => new(null, null, ImmutableArray<PropertyFacts?>.Empty, reason);

    /// <summary>A type that cannot be serialized because of <paramref name="attribute"/> on it (<paramref name="typeName"/> as messages name it).</summary>
    public static JsonTypeNode Unhonoured(UnhonouredAttribute attribute, string typeName)
        => new(null, null, ImmutableArray<PropertyFacts?>.Empty, $"the type '{typeName}' has [{attribute.Name}], which the generated serializer does not honour: {attribute.Effect}", attribute);
}
