using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>The [Event] types declared in a compilation's own sources, and where else an event name is declared.</summary>
internal static class SourceEvents
{
    /// <summary>Every [Event] type declared in the compilation's sources, in a stable order.</summary>
    public static List<INamedTypeSymbol> All(Compilation compilation, CancellationToken cancellationToken)
        => compilation.GetSymbolsWithName(static _ => true, SymbolFilter.Type, cancellationToken)
            .OfType<INamedTypeSymbol>()
            .Where(static t => EventSnapshot.Identity(t) is not null)
            .OrderBy(static t => t.ToDisplayString(), System.StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The names of the events the compilation's sources declare (among <paramref name="wanted"/>): looked up cheaply
    /// first, in one pass over the declared type names, among the types named as the lock recorded them; all [Event]
    /// types are read only when that misses one (a type renamed or moved, or an event gone).
    /// </summary>
    public static HashSet<string> Declared(Compilation compilation, IEnumerable<LockedEvent> wanted, CancellationToken cancellationToken)
    {
        var names = new HashSet<string>(System.StringComparer.Ordinal);
        var simpleNames = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var locked in wanted)
        {
            names.Add(locked.Name);
            var simpleName = locked.TypeName.Substring(locked.TypeName.LastIndexOf('.') + 1);
            if (simpleName.Length > 0)
            {
                simpleNames.Add(simpleName);
            }
        }

        // One GetSymbolsWithName walk with a predicate: a walk per name would make this quadratic in the number of events.
        var found = new HashSet<string>(System.StringComparer.Ordinal);
        foreach (var symbol in compilation.GetSymbolsWithName(simpleNames.Contains, SymbolFilter.Type, cancellationToken))
        {
            if (symbol is INamedTypeSymbol type && EventSnapshot.Identity(type) is { } identity && names.Contains(identity.Name))
            {
                found.Add(identity.Name);
            }
        }

        if (found.Count < names.Count)
        {
            foreach (var type in All(compilation, cancellationToken))
            {
                found.Add(EventSnapshot.Identity(type)!.Value.Name);
            }
        }

        return found;
    }

    /// <summary>The referenced assembly that declares an [Event] with this name, or null.</summary>
    public static string? DeclaringReference(Compilation compilation, string eventName, CancellationToken cancellationToken)
    {
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            if (!assembly.Modules.Any(static m => m.ReferencedAssemblies.Any(static r => r.Name == "Inngest.Events")) && assembly.Name != "Inngest.Events")
            {
                continue;
            }

            if (FindIn(assembly.GlobalNamespace, eventName, cancellationToken))
            {
                return assembly.Name;
            }
        }

        return null;
    }

    private static bool FindIn(INamespaceOrTypeSymbol container, string eventName, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var member in container.GetMembers())
        {
            if (member is INamespaceSymbol ns && FindIn(ns, eventName, cancellationToken))
            {
                return true;
            }

            if (member is INamedTypeSymbol type && type.DeclaredAccessibility == Accessibility.Public)
            {
                if (EventSnapshot.Identity(type)?.Name == eventName || FindIn(type, eventName, cancellationToken))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the type was declared with [Event] in source (not only referenced).</summary>
    public static bool IsSourceEvent(INamedTypeSymbol type) => type.Locations.Any(static l => l.IsInSource) && EventSnapshot.Identity(type) is not null;

    /// <summary>Whether an attribute class is EventAttribute.</summary>
    public static bool IsEventAttribute(INamedTypeSymbol? attributeClass) => TypeNames.HasMetadataName(attributeClass, KnownNames.EventAttribute);
}
