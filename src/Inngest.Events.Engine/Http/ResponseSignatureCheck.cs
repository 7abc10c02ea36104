using System.Globalization;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Http;

/// <summary>
/// What a cloud-mode engine asks of an app's answer: an <c>X-Inngest-Signature</c> over the body, made with the key that
/// verified the engine's request (the engine's signing key, or its fallback during a rotation), within five minutes of
/// the engine's clock. SDKs sign their answers that way (docs/protocol.md#signing); an answer without it did not come
/// from an app that verified the engine's call.
/// </summary>
internal sealed class ResponseSignatureCheck(string? signingKey, string? fallbackKey, DateTimeOffset now)
{
    /// <summary>Null when <paramref name="header"/> signs <paramref name="body"/>; otherwise what is wrong, for the call's error.</summary>
    public string? Problem(string? header, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(signingKey) && string.IsNullOrEmpty(fallbackKey))
        {
            return "the engine has no signing key to verify it with (InngestEngineHttpOptions.SigningKey); a cloud-mode engine needs one";
        }

        var verification = RequestSignature.Verify(header, body, signingKey, fallbackKey, now);
        return verification.Status switch
        {
            RequestSignature.Outcome.Valid => null,
            RequestSignature.Outcome.Missing => $"it has no {InngestHeaders.Signature} header",
            RequestSignature.Outcome.Malformed => $"its {InngestHeaders.Signature} is not of the form t=<unix seconds>&s=<hex>",
            RequestSignature.Outcome.Expired => $"its signature's timestamp is more than {RequestSignature.MaxClockSkew.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes from the engine's clock",
            _ => "its signature matches neither the engine's signing key nor its fallback key",
        };
    }
}
