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
        var types = BuildRoot(root, out var reason);
        if (reason is not null)
        {
            _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMemberType, _fallbackLocation, "(the event type)", root.Name, TypeNames.MessageName(root), reason));
        }

        return types;
    }

    /// <summary>
    /// Describes <paramref name="root"/> and its reachable types (the root has index 0), and says in
    /// <paramref name="reason"/> why the root itself is not supported instead of reporting it.
    /// </summary>
    public ImmutableArray<JsonTypeModel> BuildRoot(ITypeSymbol root, out string? reason)
    {
        Add(root, out reason);
        return _types.Any(static t => t is null) ? ImmutableArray<JsonTypeModel>.Empty : _types.Select(static t => t!).ToImmutableArray();
    }

    /// <summary>Numbers a type (and what it reaches); returns its index, or -1 with <paramref name="reason"/> when unsupported.</summary>
    private int Add(ITypeSymbol type, out string? reason)
    {
        _cancellationToken.ThrowIfCancellationRequested();
        reason = null;
        var node = _shapes.Get(type, _cancellationToken);
        if (node.Model is not { } model)
        {
            reason = node.Reason;
            return -1;
        }

        if (_indexByName.TryGetValue(model.TypeName, out var existing))
        {
            return existing;
        }

        var index = _types.Count;
        _types.Add(null);
        _indexByName[model.TypeName] = index;
        if (node.Element is { } element)
        {
            var elementIndex = Add(element, out reason);
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

                var typeIndex = Add(property.Type, out var problem);
                properties[p] = properties[p] with { Type = typeIndex };
                if (problem is not null)
                {
                    var location = property.Location ?? _fallbackLocation;
                    var owner = TypeNames.MessageName(type);
                    var member = TypeNames.MessageName(property.Type);
                    _diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedMemberType, location, property.Name, owner, member, problem));
                    _problems.Add($"its property '{property.Name}' of '{owner}' has the type '{member}' ({problem})");
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
}
