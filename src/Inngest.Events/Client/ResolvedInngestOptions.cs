namespace Inngest.Events;

/// <summary><see cref="InngestOptions"/> with environment variables and defaults applied; see <see cref="InngestOptionsResolver"/>.</summary>
internal sealed record ResolvedInngestOptions
{
    /// <summary>The key sent in <c>/e/{key}</c> when dev mode has none, as the JavaScript SDK does.</summary>
    public const string DevModePlaceholderEventKey = "NO_EVENT_KEY_SET";

    public required bool IsDev { get; init; }

    /// <summary>Why the client is in its mode, for error messages (e.g. "INNGEST_DEV=1").</summary>
    public required string ModeSource { get; init; }

    /// <summary>The event API origin, always ending in <c>/</c>.</summary>
    public required Uri EventApiBaseUrl { get; init; }

    /// <summary>The event key, <see cref="DevModePlaceholderEventKey"/> in dev mode without one, or <see langword="null"/> in cloud mode without one.</summary>
    public required string? EventKey { get; init; }

    public required string? Env { get; init; }

    public required string? AppId { get; init; }

    public required int MaxEventSizeBytes { get; init; }

    public required int MaxRequestBodyBytes { get; init; }

    public required int MaxEventsPerRequest { get; init; }

    /// <summary>The ingest URL, <c>{EventApiBaseUrl}e/{key}</c>, or <see langword="null"/> when there is no key.</summary>
    public Uri? EventUrl => EventKey is null ? null : new Uri(EventApiBaseUrl, "e/" + Uri.EscapeDataString(EventKey));
}
