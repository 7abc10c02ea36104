using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Common;

/// <summary>
/// The members whose value differs on every call, so an id built from them differs on every attempt: the clock
/// (<c>DateTime.Now/UtcNow/Today</c>, <c>DateTimeOffset.Now/UtcNow</c>, <c>TimeProvider.GetUtcNow()</c>,
/// <c>Environment.TickCount</c>, an application's own clock), <c>Guid.NewGuid()</c>, <c>Random</c>,
/// <c>RandomNumberGenerator</c>, <c>Stopwatch</c> and <c>Interlocked</c> counters.
/// </summary>
internal sealed class VolatileSources(Compilation compilation)
{
    private readonly INamedTypeSymbol? _dateTime = compilation.GetSpecialType(SpecialType.System_DateTime);
    private readonly INamedTypeSymbol? _dateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
    private readonly INamedTypeSymbol? _guid = compilation.GetTypeByMetadataName("System.Guid");
    private readonly INamedTypeSymbol? _random = compilation.GetTypeByMetadataName("System.Random");
    private readonly INamedTypeSymbol? _environment = compilation.GetTypeByMetadataName("System.Environment");
    private readonly INamedTypeSymbol? _timeProvider = compilation.GetTypeByMetadataName("System.TimeProvider");
    private readonly INamedTypeSymbol? _stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
    private readonly INamedTypeSymbol? _randomNumberGenerator = compilation.GetTypeByMetadataName("System.Security.Cryptography.RandomNumberGenerator");
    private readonly INamedTypeSymbol? _interlocked = compilation.GetTypeByMetadataName("System.Threading.Interlocked");

    /// <summary>How to name <paramref name="operation"/> in a message when it is a volatile source, else null.</summary>
    public string? Describe(IOperation operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: var property }:
                var type = property.ContainingType;
                if ((Is(type, _dateTime) && property.Name is "Now" or "UtcNow" or "Today")
                    || (Is(type, _dateTimeOffset) && property.Name is "Now" or "UtcNow")
                    || (Is(type, _environment) && property.Name is "TickCount" or "TickCount64"))
                {
                    return type.Name + "." + property.Name;
                }

                return IsCustomClock(type, property.Name, property.Type) ? type.Name + "." + property.Name : Family(type);

            case IInvocationOperation { TargetMethod: var method } invocation:
                var owner = method.ContainingType;
                if (ClockDelegate(invocation) is { } clock)
                {
                    return clock + "()";
                }

                if ((Is(owner, _guid) && method.Name is "NewGuid" or "CreateVersion7")
                    || (IsOrDerives(owner, _timeProvider) && method.Name is "GetUtcNow" or "GetLocalNow" or "GetTimestamp"))
                {
                    return (Is(owner, _guid) ? "Guid" : "TimeProvider") + "." + method.Name + "()";
                }

                // A process-wide counter (Interlocked.Increment(ref _next)) gives a new value on every call.
                if (Is(owner, _interlocked) && method.Name is "Increment" or "Decrement" or "Add")
                {
                    return "Interlocked." + method.Name + "()";
                }

                return IsCustomClock(owner, method.Name, method.ReturnType) ? owner.Name + "." + method.Name + "()" : Family(owner);

            case IObjectCreationOperation { Type: INamedTypeSymbol created }:
                return Family(created);

            default:
                return null;
        }
    }

    /// <summary>
    /// How to name <paramref name="operation"/> when it makes a new value on every call by itself: the clock,
    /// <c>Guid.NewGuid()</c>, a new <c>Random</c> or <c>Random.Shared</c>, <c>Stopwatch</c>, <c>Environment.TickCount</c>,
    /// <c>TimeProvider.GetUtcNow()</c> and <c>RandomNumberGenerator</c>; null for anything else, including the members of
    /// an instance that one of those made (<c>rng.Next()</c> is reported where <c>rng</c> was made).
    /// </summary>
    public string? DescribeSource(IOperation operation)
    {
        switch (operation)
        {
            case IPropertyReferenceOperation { Property: { IsStatic: true } property }:
                var type = property.ContainingType;
                if ((Is(type, _dateTime) && property.Name is "Now" or "UtcNow" or "Today")
                    || (Is(type, _dateTimeOffset) && property.Name is "Now" or "UtcNow")
                    || (Is(type, _environment) && property.Name is "TickCount" or "TickCount64")
                    || (Is(type, _random) && property.Name == "Shared"))
                {
                    return type.Name + "." + property.Name;
                }

                return null;

            case IInvocationOperation { TargetMethod: var method }:
                var owner = method.ContainingType;
                if ((method.IsStatic && Is(owner, _guid) && method.Name is "NewGuid" or "CreateVersion7")
                    || (method.IsStatic && Is(owner, _stopwatch) && method.Name is "StartNew" or "GetTimestamp")
                    || (method.IsStatic && IsOrDerives(owner, _randomNumberGenerator))
                    || (!method.IsStatic && IsOrDerives(owner, _timeProvider) && method.Name is "GetUtcNow" or "GetLocalNow" or "GetTimestamp"))
                {
                    var typeName = IsOrDerives(owner, _timeProvider) ? "TimeProvider" : owner.Name;
                    return typeName + "." + method.Name + "()";
                }

                return null;

            // A Random made with a seed gives the same numbers on every call.
            case IObjectCreationOperation { Type: INamedTypeSymbol created } creation:
                return (IsOrDerives(created, _random) && creation.Arguments.Length == 0) || Is(created, _stopwatch) ? "new " + created.Name + "()" : null;

            default:
                return null;
        }
    }

    /// <summary>
    /// The reading of an application's own clock abstraction: a member named like "now" (<c>UtcNow</c>, <c>Today</c>,
    /// <c>GetUtcNow()</c>, NodaTime's <c>GetCurrentInstant()</c>) of an instance whose type's name says it is a clock or
    /// a time source (<c>IClock</c>, <c>ISystemClock</c>, <c>IDateTimeProvider</c>, <c>ITimeService</c>), or a <c>Now</c>
    /// or <c>UtcNow</c> of any object that gives a <c>DateTime</c> or <c>DateTimeOffset</c> (<c>context.Now</c>): that
    /// name says it is the current time, whoever holds it.
    /// </summary>
    private bool IsCustomClock(INamedTypeSymbol? type, string member, ITypeSymbol? value)
    {
        if (type is null || member is not ("Now" or "UtcNow" or "Today" or "UtcToday" or "GetNow" or "GetUtcNow" or "GetToday" or "GetCurrentInstant" or "GetCurrentTime" or "CurrentTime"))
        {
            return false;
        }

        if (member is "Now" or "UtcNow" or "GetNow" or "GetUtcNow"
            && value is INamedTypeSymbol named
            && (Is(named, _dateTime) || Is(named, _dateTimeOffset)))
        {
            return true;
        }

        var name = type.Name;
        return name.IndexOf("Clock", System.StringComparison.OrdinalIgnoreCase) >= 0
            || name.IndexOf("Time", System.StringComparison.OrdinalIgnoreCase) >= 0;
    }

    /// <summary>
    /// The name of a clock handed in as a delegate that gives a <c>DateTime</c> or <c>DateTimeOffset</c> and is named
    /// as the current time (<c>Func&lt;DateTimeOffset&gt; now</c> called as <c>now()</c>, <c>_utcNow()</c>,
    /// <c>deps.GetNow()</c>, <c>clock()</c>); null for any other call.
    /// </summary>
    private string? ClockDelegate(IInvocationOperation call)
    {
        if (call.TargetMethod.MethodKind != MethodKind.DelegateInvoke
            || call.TargetMethod.ReturnType is not INamedTypeSymbol given
            || !(Is(given, _dateTime) || Is(given, _dateTimeOffset)))
        {
            return null;
        }

        var name = call.Instance switch
        {
            ILocalReferenceOperation local => local.Local.Name,
            IParameterReferenceOperation parameter => parameter.Parameter.Name,
            IFieldReferenceOperation field => field.Field.Name,
            IPropertyReferenceOperation property => property.Property.Name,
            _ => null,
        };
        var bare = name?.TrimStart('_').ToLowerInvariant();
        return bare is "now" or "utcnow" or "getnow" or "getutcnow" or "clock" or "currenttime" or "getcurrenttime" ? name : null;
    }

    // Every member of these types is volatile (or only used to make volatile values).
    private string? Family(INamedTypeSymbol? type)
        => IsOrDerives(type, _random) ? "Random"
            : Is(type, _stopwatch) ? "Stopwatch"
            : IsOrDerives(type, _randomNumberGenerator) ? "RandomNumberGenerator"
            : null;

    private static bool Is(INamedTypeSymbol? type, INamedTypeSymbol? expected)
        => expected is not null && SymbolEqualityComparer.Default.Equals(type, expected);

    private static bool IsOrDerives(INamedTypeSymbol? type, INamedTypeSymbol? expected)
    {
        for (var t = type; t is not null && expected is not null; t = t.BaseType)
        {
            if (SymbolEqualityComparer.Default.Equals(t, expected))
            {
                return true;
            }
        }

        return false;
    }
}
