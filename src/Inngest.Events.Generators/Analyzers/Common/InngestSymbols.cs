using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Analyzers.Common;

/// <summary>
/// The runtime types the analyzers look for, resolved once per compilation and shared by every analyzer of it.
/// <see cref="For"/> gives null when the compilation does not reference Inngest.Events, and every analyzer then does
/// nothing.
/// </summary>
internal sealed class InngestSymbols
{
    public const string RuntimeAssemblyName = "Inngest.Events";
    public const string EventOptionsName = "Inngest.Events.EventOptions";
    public const string InngestEventName = "Inngest.Events.InngestEvent";
    public const string EventEnvelopeName = "Inngest.Events.Event`1";
    public const string FunctionTriggerName = "Inngest.Events.FunctionTrigger";
    public const string ClientName = "Inngest.Events.IInngestClient";
    public const string TestHostName = "Inngest.Events.Testing.InngestTestHost";

    // The analyzers of one compilation all see the same Compilation object, so the first to ask resolves the symbols
    // and the others reuse them; entries go when the compilation is collected.
    private static readonly ConditionalWeakTable<Compilation, Entry> Cache = new();

    private readonly ConcurrentDictionary<INamedTypeSymbol, HashSet<string>> _failureHandlers = new(SymbolEqualityComparer.Default);
    private readonly (INamedTypeSymbol Type, FunctionAttributeKind Kind)[] _functionAttributes;

    private InngestSymbols(Compilation compilation, INamedTypeSymbol eventAttribute)
    {
        EventAttribute = eventAttribute;
        EventOptions = compilation.GetTypeByMetadataName(EventOptionsName);
        InngestEvent = compilation.GetTypeByMetadataName(InngestEventName);
        EventEnvelope = compilation.GetTypeByMetadataName(EventEnvelopeName);
        FunctionTrigger = compilation.GetTypeByMetadataName(FunctionTriggerName);
        IsRuntimeAssembly = compilation.AssemblyName == RuntimeAssemblyName;
        StepTools = compilation.GetTypeByMetadataName(KnownNames.StepTools);
        Client = compilation.GetTypeByMetadataName(ClientName);
        TestHost = compilation.GetTypeByMetadataName(TestHostName);
        FunctionAttribute = compilation.GetTypeByMetadataName(KnownNames.InngestFunctionAttribute);
        TriggerAttribute = compilation.GetTypeByMetadataName(KnownNames.TriggerAttribute);
        ExpressionText = compilation.GetTypeByMetadataName(KnownNames.ExpressionText);
        Task = compilation.GetTypeByMetadataName(KnownNames.Task);
        VolatileSources = new VolatileSources(compilation);

        var attributes = new List<(INamedTypeSymbol, FunctionAttributeKind)>();
        void Add(string metadataName, FunctionAttributeKind kind)
        {
            if (compilation.GetTypeByMetadataName(metadataName) is { } type)
            {
                attributes.Add((type, kind));
            }
        }

        Add(KnownNames.TriggerAttribute, FunctionAttributeKind.Trigger);
        Add(KnownNames.CronAttribute, FunctionAttributeKind.Cron);
        Add(KnownNames.RetriesAttribute, FunctionAttributeKind.Retries);
        Add(KnownNames.ConcurrencyAttribute, FunctionAttributeKind.Concurrency);
        Add(KnownNames.ThrottleAttribute, FunctionAttributeKind.Throttle);
        Add(KnownNames.RateLimitAttribute, FunctionAttributeKind.RateLimit);
        Add(KnownNames.DebounceAttribute, FunctionAttributeKind.Debounce);
        Add(KnownNames.BatchEventsAttribute, FunctionAttributeKind.BatchEvents);
        Add(KnownNames.PriorityAttribute, FunctionAttributeKind.Priority);
        Add(KnownNames.IdempotencyAttribute, FunctionAttributeKind.Idempotency);
        Add(KnownNames.SingletonAttribute, FunctionAttributeKind.Singleton);
        Add(KnownNames.CancelOnAttribute, FunctionAttributeKind.CancelOn);
        Add(KnownNames.TimeoutsAttribute, FunctionAttributeKind.Timeouts);
        _functionAttributes = attributes.ToArray();
    }

    public INamedTypeSymbol EventAttribute { get; }

    public INamedTypeSymbol? EventOptions { get; }

    public INamedTypeSymbol? InngestEvent { get; }

    public INamedTypeSymbol? EventEnvelope { get; }

    public INamedTypeSymbol? FunctionTrigger { get; }

    /// <summary><c>IStepTools</c>, whose methods are the durable steps.</summary>
    public INamedTypeSymbol? StepTools { get; }

    /// <summary><c>IInngestClient</c>, whose <c>SendAsync</c> is not memoized.</summary>
    public INamedTypeSymbol? Client { get; }

    /// <summary>
    /// <c>InngestTestHost</c> of Inngest.Events.Testing, when the compilation references it: what a test sends through it
    /// (fixed dedup ids, times from the virtual clock) is on purpose.
    /// </summary>
    public INamedTypeSymbol? TestHost { get; }

    /// <summary><c>[InngestFunction]</c>.</summary>
    public INamedTypeSymbol? FunctionAttribute { get; }

    /// <summary><c>[Trigger&lt;T&gt;]</c>, unbound.</summary>
    public INamedTypeSymbol? TriggerAttribute { get; }

    /// <summary><c>ExpressionText</c>, whose <c>Quote</c> makes a run-time value safe in an expression.</summary>
    public INamedTypeSymbol? ExpressionText { get; }

    /// <summary>The clock, Guid, Random and the like, whose values differ on every call.</summary>
    public VolatileSources VolatileSources { get; }

    /// <summary><c>System.Threading.Tasks.Task</c>, for <c>Task.WhenAll</c> and <c>Task.WhenAny</c>.</summary>
    public INamedTypeSymbol? Task { get; }

    /// <summary>True when compiling the runtime itself, whose system events legitimately use <c>inngest/</c>.</summary>
    public bool IsRuntimeAssembly { get; }

    /// <summary>The symbols of <paramref name="compilation"/>, or null when it does not reference Inngest.Events.</summary>
    public static InngestSymbols? For(Compilation compilation)
        => Cache.GetValue(compilation, static c => new Entry(
            c.GetTypeByMetadataName(KnownNames.EventAttribute) is { } eventAttribute ? new InngestSymbols(c, eventAttribute) : null)).Symbols;

    /// <summary>Which configuration attribute <paramref name="attributeClass"/> is (<c>[Trigger&lt;T&gt;]</c> for any T).</summary>
    public FunctionAttributeKind ClassifyAttribute(INamedTypeSymbol attributeClass)
    {
        var definition = attributeClass.OriginalDefinition;
        foreach (var (type, kind) in _functionAttributes)
        {
            if (SymbolEqualityComparer.Default.Equals(definition, type))
            {
                return kind;
            }
        }

        return FunctionAttributeKind.None;
    }

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

    /// <summary>Whether <paramref name="method"/> is one of the step tools (<c>step.RunAsync</c>, <c>step.SleepAsync</c>, ...).</summary>
    public bool IsStepTool(IMethodSymbol? method)
        => method is not null && StepTools is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, StepTools);

    /// <summary>Whether <paramref name="method"/> is the client's <c>SendAsync</c>, called through the interface or an implementation.</summary>
    public bool IsClientSend(IMethodSymbol? method)
    {
        if (method is not { Name: "SendAsync", IsStatic: false } || Client is null)
        {
            return false;
        }

        var type = method.ContainingType;
        if (SymbolEqualityComparer.Default.Equals(type, Client))
        {
            return true;
        }

        if (type is null || !IsClient(type))
        {
            return false;
        }

        foreach (var member in Client.GetMembers("SendAsync"))
        {
            if (SymbolEqualityComparer.Default.Equals(type.FindImplementationForInterfaceMember(member), method.OriginalDefinition))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is <c>IInngestClient</c> or implements it.</summary>
    public bool IsClient(ITypeSymbol? type)
    {
        if (type is null || Client is null)
        {
            return false;
        }

        if (SymbolEqualityComparer.Default.Equals(type, Client))
        {
            return true;
        }

        foreach (var implemented in type.AllInterfaces)
        {
            if (SymbolEqualityComparer.Default.Equals(implemented, Client))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="method"/> is a member of the test host (<c>host.SendAsync</c>, <c>host.SendAfter</c>, <c>host.MockWaitForEvent</c>, ...).</summary>
    public bool IsTestHostMember(IMethodSymbol? method)
        => method is not null && TestHost is not null && SymbolEqualityComparer.Default.Equals(method.ContainingType, TestHost);

    /// <summary>The [InngestFunction] attribute of <paramref name="method"/>, if it has one.</summary>
    public AttributeData? GetFunctionAttribute(IMethodSymbol? method)
    {
        if (method is null || FunctionAttribute is null)
        {
            return null;
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, FunctionAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="method"/> runs as an Inngest function: it has [InngestFunction], or a function of its type
    /// names it as its OnFailure handler (which Inngest runs as a function of its own).
    /// </summary>
    public bool IsFunction(IMethodSymbol? method)
    {
        if (method is null || FunctionAttribute is null || method.MethodKind != MethodKind.Ordinary)
        {
            return false;
        }

        return GetFunctionAttribute(method) is not null || FailureHandlers(method.ContainingType).Contains(method.Name);
    }

    /// <summary>The names the functions of <paramref name="type"/> give as their OnFailure handlers, worked out once per type.</summary>
    private HashSet<string> FailureHandlers(INamedTypeSymbol type)
        => _failureHandlers.GetOrAdd(type, t =>
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var member in t.GetMembers())
            {
                if (member is IMethodSymbol candidate && GetFunctionAttribute(candidate) is { } attribute)
                {
                    foreach (var named in attribute.NamedArguments)
                    {
                        if (named.Key == "OnFailure" && named.Value.Value is string handler)
                        {
                            names.Add(handler);
                        }
                    }
                }
            }

            return names;
        });

    /// <summary>The <c>IStepTools</c> parameter of a function, if it takes one.</summary>
    public IParameterSymbol? GetStepToolsParameter(IMethodSymbol method)
    {
        foreach (var parameter in method.Parameters)
        {
            if (StepTools is not null && SymbolEqualityComparer.Default.Equals(parameter.Type, StepTools))
            {
                return parameter;
            }
        }

        return null;
    }

    /// <summary>
    /// The data types of the events that can trigger <paramref name="method"/>: its <c>Event&lt;T&gt;</c> (or batch
    /// <c>IReadOnlyList&lt;Event&lt;T&gt;&gt;</c> or <c>Event&lt;T&gt;[]</c>) parameter and its <c>[Trigger&lt;T&gt;]</c>
    /// attributes. Empty when unknown.
    /// </summary>
    public ImmutableArray<ITypeSymbol> TriggerEventTypes(IMethodSymbol? method)
    {
        if (method is null || EventEnvelope is not { } envelope)
        {
            return ImmutableArray<ITypeSymbol>.Empty;
        }

        var types = new List<ITypeSymbol>();
        foreach (var parameter in method.Parameters)
        {
            var type = (parameter.Type is IArrayTypeSymbol { Rank: 1 } array ? array.ElementType : parameter.Type) as INamedTypeSymbol;
            if (type is { TypeArguments.Length: 1 } && !SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, envelope))
            {
                type = type.TypeArguments[0] as INamedTypeSymbol;
            }

            if (type is { TypeArguments.Length: 1 } && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, envelope)
                && type.TypeArguments[0].TypeKind != TypeKind.Error)
            {
                types.Add(type.TypeArguments[0]);
            }
        }

        foreach (var attribute in method.GetAttributes())
        {
            if (attribute.AttributeClass is { TypeArguments.Length: 1 } attributeClass && TriggerAttribute is not null
                && SymbolEqualityComparer.Default.Equals(attributeClass.OriginalDefinition, TriggerAttribute)
                && attributeClass.TypeArguments[0].TypeKind != TypeKind.Error)
            {
                types.Add(attributeClass.TypeArguments[0]);
            }
        }

        return types.ToImmutableArray();
    }

    /// <summary>A cache entry; a class because the table's values cannot be null.</summary>
    private sealed class Entry(InngestSymbols? symbols)
    {
        public InngestSymbols? Symbols { get; } = symbols;
    }
}
