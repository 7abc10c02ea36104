using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Json;

/// <summary>
/// The JSON models of one root type (an event, or a step result) and everything reachable from it, numbered in the
/// order the emitter names its methods (root first, then depth-first through element and property types). The
/// shapes come from the compilation's <see cref="JsonShapeCache"/>, so a type shared by many roots is described once.
/// </summary>
internal sealed class JsonModelBuilder
{
    /// <summary>JsonNumberHandling.AllowReadingFromString.</summary>
    private const int NumbersFromStrings = 1;

    private readonly Dictionary<string, int> _indexByName = new(StringComparer.Ordinal);
    private readonly List<JsonTypeModel?> _types = new();
    private readonly List<DiagnosticInfo> _diagnostics = new();
    private readonly List<string> _problems = new();
    private readonly JsonShapeCache _shapes;
    private readonly Location? _fallbackLocation;
    private readonly CancellationToken _cancellationToken;

    public JsonModelBuilder(Compilation compilation, Location? fallbackLocation, CancellationToken cancellationToken)
    {
        _shapes = JsonShapeCache.For(compilation);
        _fallbackLocation = fallbackLocation;
        _cancellationToken = cancellationToken;
    }

    public IReadOnlyList<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>The members that cannot be serialized, described in words (the same cases as <see cref="Diagnostics"/>).</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Describes <paramref name="root"/> and its reachable types; the root has index 0.</summary>
    public ImmutableArray<JsonTypeModel> Build(ITypeSymbol root)
    {
        var types = Describe(root, out var problem);
        if (problem is { Attribute: { } attribute })
        {
            var subject = SymbolEqualityComparer.Default.Equals(problem.Type, root)
                ? $"The event type '{TypeNames.MessageName(root)}'"
                : $"The type '{TypeNames.MessageName(problem.Type!)}', used by the event type '{TypeNames.MessageName(root)}',";
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnhonouredJsonAttribute, _fallbackLocation, subject, attribute.Name, attribute.Effect, "type"));
        }
        else if (problem is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMemberType, _fallbackLocation, "(the event type)", root.Name, TypeNames.MessageName(root), problem.Reason));
        }

        return types;
    }

    /// <summary>
    /// Describes <paramref name="root"/> and its reachable types (the root has index 0), and says in
    /// <paramref name="reason"/> why the root itself is not supported instead of reporting it.
    /// </summary>
    public ImmutableArray<JsonTypeModel> BuildRoot(ITypeSymbol root, out string? reason)
    {
        var types = Describe(root, out var problem);
        reason = problem?.Reason;
        return types;
    }

    private ImmutableArray<JsonTypeModel> Describe(ITypeSymbol root, out Problem? problem)
    {
        Add(root, out problem);
        return _types.Any(static t => t is null) ? ImmutableArray<JsonTypeModel>.Empty : _types.Select(static t => t!).ToImmutableArray();
    }

    /// <summary>
    /// Numbers a type (and what it reaches); returns its index, or -1 with <paramref name="problem"/> when unsupported.
    /// With <paramref name="numbersFromStrings"/> (a member with [JsonNumberHandling(AllowReadingFromString)]), a number,
    /// or a collection or nullable of numbers, is numbered as a variant of its own that also reads numbers from strings.
    /// </summary>
    private int Add(ITypeSymbol type, out Problem? problem, bool numbersFromStrings = false)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        problem = null;
        var node = _shapes.Get(type, _cancellationToken);
        if (node.Model is not { } model)
        {
            problem = new Problem(node.Reason!, node.Attribute, type);
            return -1;
        }

        var key = model.TypeName;
        if (numbersFromStrings && _shapes.TakesNumberHandling(node, _cancellationToken))
        {
            model = model with { NumbersFromStrings = true };
            key += " (numbers from strings)";
        }
        else
        {
            numbersFromStrings = false;
        }

        if (_indexByName.TryGetValue(key, out var existing))
        {
            return existing;
        }

        var index = _types.Count;
        _types.Add(null);
        _indexByName[key] = index;
        if (node.Element is { } element)
        {
            var elementIndex = Add(element, out problem, numbersFromStrings);
            _types[index] = model with { Index = index, Element = elementIndex };
        }
        else if (model.Object is { } obj)
        {
            var properties = obj.Properties.AsImmutableArray().ToBuilder();
            for (var p = 0; p < properties.Count; p++)
            {
                if (node.Members[p] is not { } property)
                {
                    continue;
                }

                if (_shapes.Unhonoured(property, _cancellationToken) is { } unhonoured)
                {
                    // The property's own attribute: its type is not described, so it is not reported a second time.
                    var owner = TypeNames.MessageName(type);
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnhonouredJsonAttribute, property.Location ?? _fallbackLocation, $"The property '{property.Name}' of '{owner}'", unhonoured.Name, unhonoured.Effect, "property"));
                    _problems.Add($"its property '{property.Name}' of '{owner}' has [{unhonoured.Name}], which the generated serializer does not honour: {unhonoured.Effect}");
                    properties[p] = properties[p] with { Type = -1 };
                    continue;
                }

                // The property's own [JsonNumberHandling] decides, then its type's, then the options' (Strict).
                var handling = property.Attributes.NumberHandling ?? node.NumberHandling;
                var typeIndex = Add(property.Type, out var found, handling == NumbersFromStrings);
                properties[p] = properties[p] with { Type = typeIndex };
                if (found is not null)
                {
                    Report(found, property, TypeNames.MessageName(type));
                }
            }

            _types[index] = model with { Index = index, Object = obj with { Properties = properties.ToImmutable().ToEquatableArray() } };
        }
        else
        {
            _types[index] = model with { Index = index };
        }

        return index;
    }

    /// <summary>Reports why <paramref name="property"/> of <paramref name="owner"/> cannot be serialized: its type, or an attribute on a type it uses.</summary>
    private void Report(Problem problem, PropertyFacts property, string owner)
    {
        var location = property.Location ?? _fallbackLocation;
        if (problem is { Attribute: { } attribute, Type: { } attributed })
        {
            var typeName = TypeNames.MessageName(attributed);
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnhonouredJsonAttribute, location, $"The type '{typeName}', used by the property '{property.Name}' of '{owner}',", attribute.Name, attribute.Effect, "type"));
            _problems.Add($"its property '{property.Name}' of '{owner}' uses the type '{typeName}', which has [{attribute.Name}] that the generated serializer does not honour: {attribute.Effect}");
            return;
        }

        var member = TypeNames.MessageName(property.Type);
        _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMemberType, location, property.Name, owner, member, problem.Reason));
        _problems.Add($"its property '{property.Name}' of '{owner}' has the type '{member}' ({problem.Reason})");
    }

    /// <summary>
    /// Why a type cannot be serialized, and, when a System.Text.Json attribute on a type is why, that attribute and
    /// the type that has it (which may be an element of the type asked for).
    /// </summary>
    private sealed record Problem(string Reason, UnhonouredAttribute? Attribute, ITypeSymbol? Type);
}
