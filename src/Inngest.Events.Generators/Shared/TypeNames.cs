using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Inngest.Events.Generators.Shared;

/// <summary>
/// How the generators name types: in generated code, in messages, as <c>Type.ToString()</c> does at run time, and
/// the allocation-free metadata-name checks that the pipelines use instead of formatting a symbol to compare it.
/// </summary>
internal static class TypeNames
{
    /// <summary>Fully qualified with <c>global::</c> and nested nullable annotations.</summary>
    public static readonly SymbolDisplayFormat TypeFormat = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>Fully qualified without nullable reference annotations (<c>typeof</c> takes none).</summary>
    public static readonly SymbolDisplayFormat TypeOfFormat = SymbolDisplayFormat.FullyQualifiedFormat;

    private static readonly SymbolDisplayFormat MessageFormat = SymbolDisplayFormat.CSharpErrorMessageFormat
        .RemoveMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    /// <summary>The type as generated code names it, without a top-level <c>?</c> on reference types.</summary>
    public static string Display(ITypeSymbol type)
    {
        if (type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated)
        {
            type = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated);
        }

        return type.ToDisplayString(TypeFormat);
    }

    /// <summary>
    /// Whether <paramref name="type"/> or a type it is made of (an element, a pointed-at type, a type argument, a
    /// containing type) is one that <paramref name="what"/> picks: a type parameter, an error type.
    /// </summary>
    public static bool Mentions(ITypeSymbol type, Func<ITypeSymbol, bool> what)
    {
        if (what(type))
        {
            return true;
        }

        switch (type)
        {
            case IArrayTypeSymbol array:
                return Mentions(array.ElementType, what);
            case IPointerTypeSymbol pointer:
                return Mentions(pointer.PointedAtType, what);
            case INamedTypeSymbol named:
                // A loop, not Any with a lambda: this runs for every member type the event models bind.
                foreach (var argument in named.TypeArguments)
                {
                    if (Mentions(argument, what))
                    {
                        return true;
                    }
                }

                return named.ContainingType is { } containing && Mentions(containing, what);
            default:
                return false;
        }
    }

    /// <summary>The type's name as C# error messages show it.</summary>
    public static string MessageName(ITypeSymbol type) => type.ToDisplayString(MessageFormat);

    /// <summary>
    /// The name <c>System.Type.ToString()</c> gives at run time (<c>Ns.Outer+Inner</c>, <c>Ns.Box`1[System.Int32]</c>),
    /// which System.Text.Json puts in its exception messages (such as the missing-required-properties one).
    /// </summary>
    public static string RuntimeName(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
        {
            return RuntimeName(array.ElementType) + "[" + new string(',', array.Rank - 1) + "]";
        }

        if (type is not INamedTypeSymbol named)
        {
            return type.ToDisplayString();
        }

        var chain = new List<INamedTypeSymbol>();
        for (var t = named; t is not null; t = t.ContainingType)
        {
            chain.Insert(0, t);
        }

        var ns = chain[0].ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        var text = ns + string.Join("+", chain.Select(static t => t.MetadataName));
        var arguments = chain.SelectMany(static t => t.TypeArguments).ToList();
        return arguments.Count == 0 ? text : text + "[" + string.Join(",", arguments.Select(RuntimeName)) + "]";
    }

    /// <summary>An identifier for generated code: C# keywords get an <c>@</c>.</summary>
    public static string Escape(string identifier)
        => SyntaxFacts.GetKeywordKind(identifier) != SyntaxKind.None ? "@" + identifier : identifier;

    /// <summary>
    /// The metadata name with namespace and containing types, e.g. <c>Inngest.Events.TriggerAttribute`1</c> (for
    /// messages and keys; use <see cref="HasMetadataName"/> to compare).
    /// </summary>
    public static string MetadataName(INamedTypeSymbol type)
    {
        var name = type.MetadataName;
        for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
        {
            name = containing.MetadataName + "+" + name;
        }

        return type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + name : name;
    }

    /// <summary>
    /// Whether <paramref name="type"/> (a top-level type) has the full metadata name <paramref name="fullName"/>
    /// (<c>Inngest.Events.TriggerAttribute`1</c>), compared segment by segment without formatting the symbol.
    /// </summary>
    public static bool HasMetadataName(ITypeSymbol? type, string fullName)
    {
        if (type is null || type.ContainingType is not null)
        {
            return false;
        }

        var end = fullName.Length;
        var dot = fullName.LastIndexOf('.');
        if (!Matches(fullName, dot + 1, end, type.MetadataName))
        {
            return false;
        }

        end = dot;
        for (var ns = type.ContainingNamespace; ns is { IsGlobalNamespace: false }; ns = ns.ContainingNamespace)
        {
            if (end <= 0)
            {
                return false;
            }

            dot = fullName.LastIndexOf('.', end - 1);
            if (!Matches(fullName, dot + 1, end, ns.Name))
            {
                return false;
            }

            end = dot;
        }

        return end < 0;
    }

    /// <summary>Whether <paramref name="type"/>'s generic definition (or the type itself) has the given full metadata name.</summary>
    public static bool DefinitionHasMetadataName(ITypeSymbol? type, string fullName)
        => type is INamedTypeSymbol named ? HasMetadataName(named.OriginalDefinition, fullName) : HasMetadataName(type, fullName);

    /// <summary>Whether <paramref name="type"/> is declared in namespace <paramref name="ns"/> (dotted), not nested.</summary>
    public static bool IsInNamespace(ITypeSymbol type, string ns)
    {
        if (type.ContainingType is not null)
        {
            return false;
        }

        var end = ns.Length;
        for (var current = type.ContainingNamespace; current is { IsGlobalNamespace: false }; current = current.ContainingNamespace)
        {
            if (end <= 0)
            {
                return false;
            }

            var dot = ns.LastIndexOf('.', end - 1);
            if (!Matches(ns, dot + 1, end, current.Name))
            {
                return false;
            }

            end = dot;
        }

        return end < 0;
    }

    private static bool Matches(string text, int start, int end, string segment)
        => end - start == segment.Length && string.CompareOrdinal(text, start, segment, 0, segment.Length) == 0;
}
