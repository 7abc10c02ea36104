using Inngest.Events.Protocol;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary>What the endpoint concluded about a request's signature (docs/protocol.md#signing).</summary>
/// <param name="Allowed">True when the request may act: verified, or in dev mode with nothing to verify.</param>
/// <param name="Succeeded">Introspection's <c>authentication_succeeded</c>: null unsigned (or unverifiable), false invalid, true valid.</param>
/// <param name="KeyUsed">The key that verified the request, to sign the response with.</param>
/// <param name="Reason">Why the request is not allowed, for logs.</param>
internal readonly record struct ServeAuthentication(bool Allowed, bool? Succeeded, string? KeyUsed, string Reason)
{
    /// <summary>
    /// Cloud mode verifies every signature and refuses requests without a valid one. Dev mode verifies only a signature
    /// that is present when a key is configured (and refuses it when invalid); otherwise it lets the request through.
    /// </summary>
    public static ServeAuthentication Check(ServeSettings settings, string? header, ReadOnlySpan<byte> body, DateTimeOffset now)
    {
        var hasHeader = !string.IsNullOrEmpty(header);
        var hasKey = settings.HasSigningKey || !string.IsNullOrEmpty(settings.SigningKeyFallback);
        if (settings.IsDev && (!hasHeader || !hasKey))
        {
            return new(true, null, null, "dev mode");
        }

        var verification = RequestSignature.Verify(header, body, settings.SigningKey, settings.SigningKeyFallback, now);
        return verification.IsValid
            ? new(true, true, verification.KeyUsed, verification.Reason)
            : new(false, hasHeader ? false : null, null, verification.Reason);
    }
}
