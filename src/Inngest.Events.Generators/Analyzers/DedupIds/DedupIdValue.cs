namespace Inngest.Events.Generators.Analyzers.DedupIds;

/// <summary>A dedup id's <see cref="DedupIdKind"/>, with the constant text or the volatile source it was built from.</summary>
internal readonly record struct DedupIdValue(DedupIdKind Kind, string? Detail = null);
