using Inngest.Events.Protocol;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary><see cref="InngestServeOptions"/>, <see cref="InngestOptions"/> and configuration resolved into what the endpoint uses.</summary>
internal sealed record ServeSettings
{
    public required string AppId { get; init; }

    public required bool IsDev { get; init; }

    /// <summary>Why the endpoint is in its mode, for messages (e.g. "INNGEST_DEV=1").</summary>
    public required string ModeSource { get; init; }

    public string? SigningKey { get; init; }

    public string? SigningKeyFallback { get; init; }

    /// <summary>The Bearer token of <see cref="SigningKey"/>.</summary>
    public string? HashedSigningKey { get; init; }

    /// <summary>The Bearer token of <see cref="SigningKeyFallback"/>.</summary>
    public string? HashedSigningKeyFallback { get; init; }

    public string? EventKey { get; init; }

    public string? Env { get; init; }

    /// <summary>The Inngest API origin, ending in <c>/</c>.</summary>
    public required Uri ApiBaseUrl { get; init; }

    /// <summary>The event API origin, ending in <c>/</c> (reported by introspection).</summary>
    public required Uri EventApiBaseUrl { get; init; }

    /// <summary>The origin to advertise, e.g. <c>https://app.example.com</c>, or null for the request's.</summary>
    public Uri? ServeOrigin { get; init; }

    /// <summary>The path to advertise, or null for the request's.</summary>
    public string? ServePath { get; init; }

    public required bool AllowInBandSync { get; init; }

    public required bool SignResponses { get; init; }

    /// <summary>Whether call requests are answered as a stream (201, keep-alive spaces, then the answer).</summary>
    public bool Streaming { get; init; }

    public TimeSpan StreamingHeartbeat { get; init; } = TimeSpan.FromSeconds(3);

    public string? AppVersion { get; init; }

    public string Mode => IsDev ? InngestHeaders.DevServerKind : InngestHeaders.CloudServerKind;

    public bool HasSigningKey => !string.IsNullOrEmpty(SigningKey);
}
