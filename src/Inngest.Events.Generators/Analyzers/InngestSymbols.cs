using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Analyzers;

/// <summary>
/// The runtime types the analyzers look for, resolved once per compilation. <see cref="TryCreate"/> gives null
/// when the compilation does not reference Inngest.Events, and every analyzer then does nothing.
/// </summary>
internal sealed class InngestSymbols
{
    public const string RuntimeAssemblyName = "Inngest.Events";
    public const string EventOptionsName = "Inngest.Events.EventOptions";
    public const string InngestEventName = "Inngest.Events.InngestEvent";
    public const string EventEnvelopeName = "Inngest.Events.Event`1";
    public const string FunctionTriggerName = "Inngest.Events.FunctionTrigger";

    private InngestSymbols(Compilation compilation, INamedTypeSymbol eventAttribute)
    {
        EventAttribute = eventAttribute;
        EventOptions = compilation.GetTypeByMetadataName(EventOptionsName);
        InngestEvent = compilation.GetTypeByMetadataName(InngestEventName);
        EventEnvelope = compilation.GetTypeByMetadataName(EventEnvelopeName);
        FunctionTrigger = compilation.GetTypeByMetadataName(FunctionTriggerName);
        IsRuntimeAssembly = compilation.AssemblyName == RuntimeAssemblyName;
    }

    public INamedTypeSymbol EventAttribute { get; }

    public INamedTypeSymbol? EventOptions { get; }

    public INamedTypeSymbol? InngestEvent { get; }

    public INamedTypeSymbol? EventEnvelope { get; }

    public INamedTypeSymbol? FunctionTrigger { get; }

    /// <summary>True when compiling the runtime itself, whose system events legitimately use <c>inngest/</c>.</summary>
    public bool IsRuntimeAssembly { get; }

    public static InngestSymbols? TryCreate(Compilation compilation)
        => compilation.GetTypeByMetadataName(KnownNames.EventAttribute) is { } eventAttribute
            ? new InngestSymbols(compilation, eventAttribute)
            : null;

    /// <summary>The [Event] attribute of <paramref name="type"/>, if it has one.</summary>
    public AttributeData? GetEventAttribute(ITypeSymbol? type)
    {
        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        foreach (var attribute in named.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, EventAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>The event name of an [Event] type, or null.</summary>
    public string? GetEventName(ITypeSymbol? type)
        => GetEventAttribute(type) is { ConstructorArguments.Length: 1 } attribute ? attribute.ConstructorArguments[0].Value as string : null;
}
