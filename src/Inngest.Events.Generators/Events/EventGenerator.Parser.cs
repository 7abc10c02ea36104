using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using System.Threading;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Json;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Events;

public sealed partial class EventGenerator
{
    /// <summary>Turns one [Event] type into a value model (or the diagnostics that stop generation).</summary>
    internal static class Parser
    {
        private static readonly string[] InterfaceMembers = ["EventName", "JsonTypeInfo", "EventVersion", "CreateDefaultId"];

        private static bool CarriesFirstEventAttribute(INamedTypeSymbol type, TypeDeclarationSyntax syntax, CancellationToken cancellationToken)
        {
            foreach (var candidate in type.GetAttributes())
            {
                if (!TypeNames.HasMetadataName(candidate.AttributeClass, KnownNames.EventAttribute))
                {
                    continue;
                }

                var reference = candidate.ApplicationSyntaxReference;
                return reference is null
                    || (reference.SyntaxTree == syntax.SyntaxTree && syntax.Span.Contains(reference.Span));
            }

            return true;
        }

        public static EventParseResult Parse(TypeDeclarationSyntax syntax, Compilation compilation, CancellationToken cancellationToken)
        {
            // The [Event] applied in this declaration (the one ForAttributeWithMetadataName found).
            var type = compilation.GetSemanticModel(syntax.SyntaxTree).GetDeclaredSymbol(syntax, cancellationToken) as INamedTypeSymbol;
            var attribute = type?.GetAttributes().FirstOrDefault(a => TypeNames.HasMetadataName(a.AttributeClass, KnownNames.EventAttribute)
                && a.ApplicationSyntaxReference is { } reference && reference.SyntaxTree == syntax.SyntaxTree && syntax.Span.Contains(reference.Span));
            if (type is null || attribute is null)
            {
                return new EventParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            var attributeLocation = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? syntax.Identifier.GetLocation();
            var diagnostics = new List<DiagnosticInfo>();

            // [Event] on two partial declarations of one type (already error CS0579) reaches this method once per
            // declaration. Only the declaration carrying the type's first [Event] produces output, so the type gets one
            // source file (one hint name) and its diagnostics once.
            if (!CarriesFirstEventAttribute(type, syntax, cancellationToken))
            {
                return new EventParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
            }

            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EventTypeNotPartial, syntax.Identifier.GetLocation(), type.Name, string.Empty));
            }

            for (var containing = type.ContainingType; containing is not null; containing = containing.ContainingType)
            {
                foreach (var reference in containing.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax outer && !outer.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EventTypeNotPartial, outer.Identifier.GetLocation(), containing.Name, $" (it contains the event type '{type.Name}')"));
                    }
                }
            }

            // Not partial: nothing can be added to the type. Every other problem still gets the members that can be
            // generated, so that the build's only error is the diagnostic (no CS0311 where the type is used as an event).
            if (diagnostics.Count > 0)
            {
                return new EventParseResult(null, diagnostics.ToEquatableArray());
            }

            string? jsonUnavailable = null;
            for (var t = type; t is not null; t = t.ContainingType)
            {
                if (t.IsGenericType)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EventTypeGeneric, syntax.Identifier.GetLocation(), type.Name));
                    jsonUnavailable = $"The event type '{type.Name}' is generic, which Inngest.Events does not support (INNG1002).";
                    break;
                }
            }

            var eventName = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
            string? version = null;
            string? idTemplate = null;
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == "Version")
                {
                    version = argument.Value.Value as string;
                }
                else if (argument.Key == "Id")
                {
                    idTemplate = argument.Value.Value as string;
                }
            }

            var shapes = JsonShapeCache.For(compilation);
            var declared = shapes.Declared(type, cancellationToken);

            // A template with an error gives the event no default id (the diagnostic says why).
            var parts = ImmutableArray<IdTemplatePart>.Empty;
            if (idTemplate is not null)
            {
                var before = diagnostics.Count;
                parts = ParseIdTemplate(idTemplate, type, declared, attributeLocation, diagnostics);
                if (diagnostics.Count > before)
                {
                    idTemplate = null;
                }
            }

            // A member the serializer cannot handle, or an attribute it does not honour, gives the event a serializer that throws
            // (the diagnostic says why).
            var jsonTypes = ImmutableArray<JsonTypeModel>.Empty;
            if (jsonUnavailable is null)
            {
                var builder = new JsonModelBuilder(compilation, attributeLocation, cancellationToken);
                jsonTypes = builder.Build(type);
                if (builder.Diagnostics.Count > 0)
                {
                    diagnostics.AddRange(builder.Diagnostics);
                    jsonTypes = ImmutableArray<JsonTypeModel>.Empty;
                    jsonUnavailable = $"The event type '{type.Name}' has a member that the generated serializer cannot handle ({builder.Diagnostics[0].Id}).";
                }
            }

            var containingTypes = new List<ContainingTypeModel>();
            for (var t = type.ContainingType; t is not null; t = t.ContainingType)
            {
                containingTypes.Insert(0, new ContainingTypeModel(Keyword(t), DeclaredName(t)));
            }

            var fullName = shapes.Display(type);
            var explicitMembers = InterfaceMembers
                .Where(m => declared is not null ? declared.MemberNames.Contains(m) : type.GetMembers(m).Length > 0)
                .ToEquatableArray();
            var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
            var model = new EventModel(
                HintName(type),
                ns,
                containingTypes.ToEquatableArray(),
                Keyword(type),
                DeclaredName(type),
                fullName,
                eventName,
                version,
                parts.ToEquatableArray(),
                idTemplate is not null,
                explicitMembers,
                jsonTypes.ToEquatableArray(),
                jsonUnavailable);
            return new EventParseResult(model, diagnostics.ToEquatableArray());
        }

        private static ImmutableArray<IdTemplatePart> ParseIdTemplate(string template, INamedTypeSymbol type, DeclaredType? declared, Location location, List<DiagnosticInfo> diagnostics)
        {
            var parts = ImmutableArray.CreateBuilder<IdTemplatePart>();
            var literal = new StringBuilder();
            for (var i = 0; i < template.Length; i++)
            {
                var c = template[i];
                if (c == '{' && i + 1 < template.Length && template[i + 1] == '{')
                {
                    literal.Append('{');
                    i++;
                }
                else if (c == '}' && i + 1 < template.Length && template[i + 1] == '}')
                {
                    literal.Append('}');
                    i++;
                }
                else if (c == '{')
                {
                    var end = template.IndexOf('}', i + 1);
                    if (end < 0)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IdTemplateMalformed, location, template, type.Name, $"the '{{' at position {i} is never closed (write '{{{{' for a literal brace)"));
                        return ImmutableArray<IdTemplatePart>.Empty;
                    }

                    var name = template.Substring(i + 1, end - i - 1).Trim();
                    if (name.Length == 0)
                    {
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IdTemplateMalformed, location, template, type.Name, $"the placeholder at position {i} is empty"));
                        return ImmutableArray<IdTemplatePart>.Empty;
                    }

                    var property = FindReadableProperty(type, declared, name);
                    if (property is null)
                    {
                        var near = FindReadableProperty(type, declared, name, ignoreCase: true);
                        var hint = near is not null ? $"; did you mean '{near}'?" : string.Empty;
                        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IdTemplateUnknownPlaceholder, location, template, type.Name, name, hint));
                        return ImmutableArray<IdTemplatePart>.Empty;
                    }

                    if (literal.Length > 0)
                    {
                        parts.Add(new IdTemplatePart(false, literal.ToString()));
                        literal.Clear();
                    }

                    parts.Add(new IdTemplatePart(true, TypeNames.Escape(property)));
                    i = end;
                }
                else if (c == '}')
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.IdTemplateMalformed, location, template, type.Name, $"the '}}' at position {i} closes nothing (write '}}}}' for a literal brace)"));
                    return ImmutableArray<IdTemplatePart>.Empty;
                }
                else
                {
                    literal.Append(c);
                }
            }

            if (literal.Length > 0)
            {
                parts.Add(new IdTemplatePart(false, literal.ToString()));
            }

            return parts.ToImmutable();
        }

        /// <summary>The name of the first instance property with a public getter named <paramref name="name"/>, in the type or its bases.</summary>
        private static string? FindReadableProperty(INamedTypeSymbol type, DeclaredType? declared, string name, bool ignoreCase = false)
        {
            var comparison = ignoreCase ? System.StringComparison.OrdinalIgnoreCase : System.StringComparison.Ordinal;
            if (declared is not null)
            {
                for (var t = declared; t is not null; t = t.Base)
                {
                    foreach (var property in t.Properties)
                    {
                        if (property.HasPublicGetter && string.Equals(property.Name, name, comparison))
                        {
                            return property.Name;
                        }
                    }
                }

                return null;
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, GetMethod.DeclaredAccessibility: Accessibility.Public } property
                        && string.Equals(property.Name, name, comparison))
                    {
                        return property.Name;
                    }
                }
            }

            return null;
        }

        private static string Keyword(INamedTypeSymbol type) => (type.IsRecord, type.IsValueType) switch
        {
            (true, true) => "record struct",
            (true, false) => "record",
            (false, true) => "struct",
            _ => type.TypeKind == TypeKind.Interface ? "interface" : "class",
        };

        /// <summary>The name as a partial declaration repeats it: escaped, with its type parameters.</summary>
        private static string DeclaredName(INamedTypeSymbol type)
            => type.TypeParameters.Length == 0
                ? TypeNames.Escape(type.Name)
                : $"{TypeNames.Escape(type.Name)}<{string.Join(", ", type.TypeParameters.Select(static p => TypeNames.Escape(p.Name)))}>";

        private static string HintName(INamedTypeSymbol type)
        {
            var name = new StringBuilder();
            if (type.ContainingNamespace is { IsGlobalNamespace: false } ns)
            {
                name.Append(ns.ToDisplayString()).Append('.');
            }

            var chain = new List<string>();
            for (var t = type; t is not null; t = t.ContainingType)
            {
                chain.Insert(0, t.Arity == 0 ? t.Name : t.Name + "`" + t.Arity.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            name.Append(string.Join("+", chain));
            return name.Append(".Event.g.cs").ToString();
        }
    }
}
