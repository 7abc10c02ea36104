using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inngest.Events.Protocol;

/// <summary>
/// The <c>X-Inngest-Signature</c> header (docs/protocol.md#signing): <c>t=&lt;unix seconds&gt;&amp;s=&lt;hex&gt;</c>,
/// where <c>s</c> is the HMAC-SHA256 of the raw body bytes immediately followed by the ASCII digits of <c>t</c>, keyed
/// with the UTF-8 text of the signing key without its <c>signkey-&lt;env&gt;-</c> prefix. Inngest signs its requests to
/// an app this way; the serve endpoint verifies them, and the embedded engine signs its own calls the same way.
/// </summary>
internal sealed class RequestSignature
{
    /// <summary>The header that carries the signature.</summary>
    public const string HeaderName = InngestHeaders.Signature;

    /// <summary>How far a signature's timestamp may be from now, in either direction.</summary>
    public static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    private RequestSignature(long timestamp, string signature)
    {
        Timestamp = timestamp;
        Signature = signature;
    }

    /// <summary>The signing time, in unix seconds (<c>t</c>).</summary>
    public long Timestamp { get; }

    /// <summary>The hex HMAC (<c>s</c>).</summary>
    public string Signature { get; }

    /// <summary>What checking a signature found.</summary>
    public enum Outcome
    {
        /// <summary>The signature matches the primary or the fallback key.</summary>
        Valid,

        /// <summary>There is no signature header.</summary>
        Missing,

        /// <summary>The header lacks <c>t</c> or <c>s</c>, or <c>t</c> is not a number.</summary>
        Malformed,

        /// <summary>The timestamp is more than <see cref="MaxClockSkew"/> away from now.</summary>
        Expired,

        /// <summary>The HMAC matches neither key.</summary>
        Invalid,

        /// <summary>There is no key to check the signature with.</summary>
        NoSigningKey,
    }

    /// <summary>The result of <see cref="Verify"/>: the outcome and, when valid, the key that verified it (to sign the response with).</summary>
    /// <param name="Status">The outcome.</param>
    /// <param name="KeyUsed">The key that verified the signature, when valid.</param>
    public readonly record struct Verification(Outcome Status, string? KeyUsed)
    {
        /// <summary>True when the signature is valid.</summary>
        public bool IsValid => Status == Outcome.Valid;

        /// <summary>Why the signature was rejected, for logs (never contains a key).</summary>
        public string Reason => Status switch
        {
            Outcome.Valid => "the signature is valid",
            Outcome.Missing => $"the request has no {HeaderName} header",
            Outcome.Malformed => $"the {HeaderName} header is not of the form t=<unix seconds>&s=<hex>",
            Outcome.Expired => $"the signature's timestamp is more than {MaxClockSkew.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes from now",
            Outcome.Invalid => "the signature does not match the signing key (or the fallback key)",
            _ => "no signing key is configured to check the signature with",
        };
    }

    /// <summary>Parses a header value as a query string; false when <c>t</c> or <c>s</c> is missing or <c>t</c> is not an integer.</summary>
    /// <param name="header">The header value.</param>
    /// <param name="signature">The parsed signature.</param>
    public static bool TryParse(string? header, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out RequestSignature? signature)
    {
        signature = null;
        if (string.IsNullOrEmpty(header))
        {
            return false;
        }

        string? t = null;
        string? s = null;
        foreach (var part in header.Split('&'))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals < 0)
            {
                continue;
            }

            var name = Uri.UnescapeDataString(part[..equals]);
            var value = Uri.UnescapeDataString(part[(equals + 1)..]);
            if (name == "t")
            {
                t ??= value;
            }
            else if (name == "s")
            {
                s ??= value;
            }
        }

        if (string.IsNullOrEmpty(t) || string.IsNullOrEmpty(s)
            || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp))
        {
            return false;
        }

        signature = new RequestSignature(timestamp, s);
        return true;
    }

    /// <summary>The hex HMAC-SHA256 of <paramref name="body"/> followed by the ASCII digits of <paramref name="timestamp"/>.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="signingKey">The signing key, with or without its prefix.</param>
    /// <param name="timestamp">The unix seconds of the signature.</param>
    public static string Compute(ReadOnlySpan<byte> body, string signingKey, long timestamp)
    {
        Span<byte> mac = stackalloc byte[32];
        ComputeMac(body, signingKey, timestamp, mac);
        return Convert.ToHexString(mac).ToLowerInvariant();
    }

    /// <summary>A header value signing <paramref name="body"/> at <paramref name="now"/>.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="signingKey">The signing key.</param>
    /// <param name="now">The signing time (whole seconds are used).</param>
    public static string CreateHeader(ReadOnlySpan<byte> body, string signingKey, DateTimeOffset now)
    {
        var timestamp = now.ToUnixTimeSeconds();
        return "t=" + timestamp.ToString(CultureInfo.InvariantCulture) + "&s=" + Compute(body, signingKey, timestamp);
    }

    /// <summary>True when the timestamp is more than <see cref="MaxClockSkew"/> before or after <paramref name="now"/>.</summary>
    /// <param name="now">The current time.</param>
    public bool IsExpired(DateTimeOffset now)
    {
        var delta = now.ToUnixTimeSeconds() - Timestamp;
        return delta > MaxClockSkew.TotalSeconds || delta < -MaxClockSkew.TotalSeconds;
    }

    /// <summary>Compares the signature with the HMAC of <paramref name="body"/> under <paramref name="signingKey"/>, in constant time.</summary>
    /// <param name="body">The raw body bytes.</param>
    /// <param name="signingKey">The signing key.</param>
    public bool Matches(ReadOnlySpan<byte> body, string signingKey)
    {
        Span<byte> expected = stackalloc byte[32];
        ComputeMac(body, signingKey, Timestamp, expected);
        if (Signature.Length != 64)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(Signature);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(expected, given);
    }

    /// <summary>
    /// Verifies a request: the header must parse, be within <see cref="MaxClockSkew"/> of <paramref name="now"/>, and match
    /// <paramref name="signingKey"/> or else <paramref name="fallbackKey"/>.
    /// </summary>
    /// <param name="header">The <c>X-Inngest-Signature</c> value, or null.</param>
    /// <param name="body">The raw request body bytes, exactly as received.</param>
    /// <param name="signingKey">The signing key.</param>
    /// <param name="fallbackKey">The fallback key used during key rotation, if any.</param>
    /// <param name="now">The current time.</param>
    public static Verification Verify(string? header, ReadOnlySpan<byte> body, string? signingKey, string? fallbackKey, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(header))
        {
            return new(Outcome.Missing, null);
        }

        if (string.IsNullOrEmpty(signingKey) && string.IsNullOrEmpty(fallbackKey))
        {
            return new(Outcome.NoSigningKey, null);
        }

        if (!TryParse(header, out var signature))
        {
            return new(Outcome.Malformed, null);
        }

        if (signature.IsExpired(now))
        {
            return new(Outcome.Expired, null);
        }

        if (!string.IsNullOrEmpty(signingKey) && signature.Matches(body, signingKey))
        {
            return new(Outcome.Valid, signingKey);
        }

        if (!string.IsNullOrEmpty(fallbackKey) && signature.Matches(body, fallbackKey))
        {
            return new(Outcome.Valid, fallbackKey);
        }

        return new(Outcome.Invalid, null);
    }

    private static void ComputeMac(ReadOnlySpan<byte> body, string signingKey, long timestamp, Span<byte> mac)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        var key = Encoding.UTF8.GetBytes(SigningKeys.RemovePrefix(signingKey));
        Span<byte> digits = stackalloc byte[20];
        var length = Encoding.ASCII.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture), digits);
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, key);
        hmac.AppendData(body);
        hmac.AppendData(digits[..length]);
        hmac.GetHashAndReset(mac);
    }
}
