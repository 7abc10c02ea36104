namespace Inngest.Events.Generators.Analyzers.DedupIds;

/// <summary>What a dedup-id expression was found to hold.</summary>
internal enum DedupIdKind
{
    /// <summary>Nothing the rules are sure about: a helper's return value, a field, a mix with unknown parts.</summary>
    Unknown,

    /// <summary>A compile-time constant string.</summary>
    Constant,

    /// <summary>Only entity values (parameters, locals and their properties) and separators, no event-specific text.</summary>
    BareEntity,

    /// <summary>Built from a source that changes on every call (the clock, a new Guid, Random, Stopwatch).</summary>
    Volatile,

    /// <summary>Steady, but built from such a source on a path taken when its own value is missing (<c>key ?? Guid.NewGuid()</c>).</summary>
    VolatileFallback,
}
