using System.Collections.Immutable;

namespace Inngest.Events.Generators.Json;

/// <summary>The constructor System.Text.Json would deserialize a type with, as <see cref="JsonShapeCache"/> needs it.</summary>
/// <param name="Found">False when System.Text.Json would find no constructor to deserialize with.</param>
/// <param name="Parameters">The chosen constructor's parameters (empty for none, or a parameterless one).</param>
/// <param name="SetsRequiredMembers">Whether the constructor is marked [SetsRequiredMembers].</param>
internal sealed record ConstructorFacts(bool Found, ImmutableArray<ConstructorParameterFacts> Parameters, bool SetsRequiredMembers)
{
    /// <summary>A parameterless constructor (or, for a struct, its default value).</summary>
    public static readonly ConstructorFacts Parameterless = new(true, ImmutableArray<ConstructorParameterFacts>.Empty, false);
}
