namespace Inngest.Events.Generators.Analyzers.DedupIds;

/// <summary>What one piece of a dedup id (a whole value, a hole of an interpolation, an operand of a concatenation) holds.</summary>
internal enum DedupIdPart
{
    /// <summary>Nothing the rule is sure about: a helper's result, a field, a value of another kind.</summary>
    Unknown,

    /// <summary>Text without letters between the values (<c>"-"</c>, <c>":"</c>).</summary>
    Separator,

    /// <summary>The identity of a domain object: <c>order.Id</c>, <c>invoiceId</c>, a Guid.</summary>
    Entity,

    /// <summary>A whole number (an index, a version, a page) that only counts as part of an entity's identity.</summary>
    Number,

    /// <summary>Text that says which event or step the id is for: a literal or constant with letters, a <c>prefix</c> or <c>eventName</c>.</summary>
    Label,

    /// <summary>A value that already is an id of an occurrence: <c>idempotencyKey</c>, <c>webhook.EventId</c>, a forwarded event's <c>Id</c>.</summary>
    Precomputed,
}
