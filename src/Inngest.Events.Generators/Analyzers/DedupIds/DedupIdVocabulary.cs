using Inngest.Events.Generators.Analyzers.Common;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace Inngest.Events.Generators.Analyzers.DedupIds;

/// <summary>
/// The names the dedup-id rules read, with the words a project adds in .editorconfig. A rule that reads names cannot
/// know a domain: <c>searchId</c> may be one search request (an occurrence) and <c>giftCode</c> a gift code (an
/// entity). <c>inngest.dedup_id.occurrence_words = search, build</c> makes such things occurrences (their ids are ids
/// already) and <c>inngest.dedup_id.identity_words = code, pk</c> makes names ending in those words identities of
/// domain objects (bare without an event part), ahead of the built-in readings of keys and labels. Lists are
/// separated by commas or spaces (.editorconfig reads a semicolon as the start of a comment) and compared without case.
/// </summary>
internal sealed class DedupIdVocabulary
{
    public const string OccurrenceWordsKey = "inngest.dedup_id.occurrence_words";
    public const string IdentityWordsKey = "inngest.dedup_id.identity_words";

    public static readonly DedupIdVocabulary BuiltIn = new([], []);

    private readonly string[] _occurrenceWords;
    private readonly string[] _identityWords;

    private DedupIdVocabulary(string[] occurrenceWords, string[] identityWords)
    {
        _occurrenceWords = occurrenceWords;
        _identityWords = identityWords;
    }

    /// <summary>The vocabulary that applies to <paramref name="tree"/>: the built-in names and the tree's .editorconfig words.</summary>
    public static DedupIdVocabulary For(AnalyzerOptions options, SyntaxTree tree)
    {
        var config = options.AnalyzerConfigOptionsProvider.GetOptions(tree);
        var occurrences = EditorConfigWords.Read(config, OccurrenceWordsKey);
        var identities = EditorConfigWords.Read(config, IdentityWordsKey);
        return occurrences.Length == 0 && identities.Length == 0 ? BuiltIn : new DedupIdVocabulary(occurrences, identities);
    }

    /// <summary>
    /// What a value is by the name it is read by, then by its type: a key or an id of an occurrence, a label, an identity
    /// or an address of a domain object or text named after one (<c>tenant</c>), or what the type says (a whole number, a Guid).
    /// </summary>
    public DedupIdPart Part(string name, ITypeSymbol? type)
        => DedupIdNames.IsHashOfKeptThing(name, type) || DedupIdNames.IsKeyOfKeptThing(name, type) ? DedupIdPart.Entity
            : IsPrecomputed(name) ? DedupIdPart.Precomputed
            : DedupIdNames.IsIdentifyingName(name, type) ? DedupIdPart.Entity
            : IsLabel(name) ? DedupIdPart.Label
            : IsIdentity(name) || DedupIdNames.IsAddress(name, type) || DedupIdNames.IsKeptThing(name, type) ? DedupIdPart.Entity
            : DedupIdNames.IsTimeName(name) ? DedupIdPart.Unknown
            : DedupIdNames.ByType(type) is var byType && byType == DedupIdPart.Number && IsOccurrence(name) ? DedupIdPart.Label // `run`, `job`: a number of occurrences
            : byType;

    /// <summary>A key or an id of an occurrence, by the built-in names or an id of a configured occurrence (<c>searchId</c>).</summary>
    private bool IsPrecomputed(string name)
        => !IsDeclaredIdentity(name)
            && (DedupIdNames.IsPrecomputed(name) || (_occurrenceWords.Length > 0 && DedupIdNames.Stem(name) is { } stem && DedupIdNames.EndsWithAny(stem, _occurrenceWords)));

    /// <summary>A type or variable that stands for an occurrence, by the built-in names or a configured word.</summary>
    public bool IsOccurrence(string name)
        => DedupIdNames.IsOccurrence(name) || DedupIdNames.EndsWithAny(DedupIdNames.WithoutStorageSuffix(name), _occurrenceWords);

    /// <summary>A label, unless the project declared the name's ending an identity (<c>giftCode</c> with <c>code</c>).</summary>
    public bool IsLabel(string name) => !IsDeclaredIdentity(name) && DedupIdNames.IsLabel(name);

    /// <summary>An identity of a domain object: the built-in names (<c>orderId</c>, <c>OrderNo</c>) or a configured ending.</summary>
    private bool IsIdentity(string name) => DedupIdNames.IsIdentity(name) || IsDeclaredIdentity(name);

    /// <summary>
    /// Whether the name ends in a configured identity word and does not say it was made for deduplication
    /// (<c>idempotencyKey</c> stays a key whatever the configuration says about <c>key</c>).
    /// </summary>
    private bool IsDeclaredIdentity(string name)
        => _identityWords.Length > 0 && DedupIdNames.EndsWithAny(name, _identityWords) && !DedupIdNames.IsMadeForDeduplication(name);
}
