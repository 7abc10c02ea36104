using System.Linq;
using System.Threading;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>An [Event] type as the lock records it now: name, version, C# type and the schema of its data.</summary>
/// <param name="Version">EventAttribute.Version, or empty.</param>
internal sealed record EventSnapshot(string Name, string Version, string TypeName, LockObject Schema)
{
    /// <summary>The event name and version of an [Event] type, or null when it has no [Event] (or no name).</summary>
    public static (string Name, string Version)? Identity(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (!TypeNames.HasMetadataName(attribute.AttributeClass, KnownNames.EventAttribute))
            {
                continue;
            }

            if (attribute.ConstructorArguments.FirstOrDefault().Value is not string name || name.Length == 0)
            {
                return null;
            }

            var version = attribute.NamedArguments.FirstOrDefault(static a => a.Key == "Version").Value.Value as string ?? string.Empty;
            return (name, version);
        }

        return null;
    }

    /// <summary>The snapshot of an [Event] type, or null when it is no event or its data cannot be serialized.</summary>
    public static EventSnapshot? Create(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
        => Identity(type) is { } identity ? Create(type, identity, compilation, cancellationToken) : null;

    /// <summary>The snapshot of an [Event] type whose <see cref="Identity"/> is known, or null when its data cannot be serialized.</summary>
    public static EventSnapshot? Create(INamedTypeSymbol type, (string Name, string Version) identity, Compilation compilation, CancellationToken cancellationToken)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsGenericType)
            {
                return null;
            }
        }

        var title = identity.Version.Length == 0 ? identity.Name : $"{identity.Name} (version {identity.Version})";
        var schema = EventSchemaBuilder.Build(type, title, compilation, cancellationToken, out _);
        return schema is null ? null : new EventSnapshot(identity.Name, identity.Version, type.ToDisplayString(), schema);
    }
}
