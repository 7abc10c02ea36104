using System.Security.Cryptography;
using System.Text;

namespace Inngest.Events.Protocol;

/// <summary>
/// The two ways a signing key is used (docs/protocol.md#signing), which third-party SDKs often mix up: request
/// signatures are an HMAC keyed with the <em>text</em> of the key without its <c>signkey-&lt;env&gt;-</c> prefix, while
/// API calls authenticate with <c>Bearer &lt;prefix&gt;&lt;hex(SHA-256(hex-decoded key))&gt;</c>.
/// </summary>
internal static class SigningKeys
{
    private const string KeyStart = "signkey-";

    /// <summary>The key's <c>signkey-&lt;env&gt;-</c> prefix (the match of <c>^signkey-\w+-</c>), or an empty string when it has none.</summary>
    /// <param name="signingKey">A signing key such as <c>signkey-prod-12ab…</c>.</param>
    public static string GetPrefix(string signingKey)
    {
        ArgumentNullException.ThrowIfNull(signingKey);
        if (!signingKey.StartsWith(KeyStart, StringComparison.Ordinal))
        {
            return string.Empty;
        }

        var end = KeyStart.Length;
        while (end < signingKey.Length && IsWordChar(signingKey[end]))
        {
            end++;
        }

        // \w+ needs at least one character, and the prefix ends at the dash right after it.
        return end > KeyStart.Length && end < signingKey.Length && signingKey[end] == '-' ? signingKey[..(end + 1)] : string.Empty;
    }

    /// <summary>The key without its <c>signkey-&lt;env&gt;-</c> prefix: the hex text that keys request signatures.</summary>
    /// <param name="signingKey">A signing key.</param>
    public static string RemovePrefix(string signingKey) => signingKey[GetPrefix(signingKey).Length..];

    /// <summary>
    /// The hashed key sent as <c>Authorization: Bearer …</c> to the Inngest API (<c>/fn/register</c>, <c>/v0/runs/…</c>):
    /// the prefix kept verbatim, then the lowercase hex SHA-256 of the hex-decoded rest.
    /// <c>signkey-test-12345678</c> gives <c>signkey-test-b2ed9921…916c</c>.
    /// </summary>
    /// <param name="signingKey">A signing key.</param>
    /// <exception cref="FormatException">The key without its prefix is not hex, so it cannot be a signing key.</exception>
    public static string HashForBearer(string signingKey)
    {
        var prefix = GetPrefix(signingKey);
        var hex = signingKey.AsSpan(prefix.Length);
        byte[] raw;
        try
        {
            raw = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            throw new FormatException(
                $"The signing key '{prefix}…' is not a signing key: after its prefix it must be hexadecimal text (find your keys at https://app.inngest.com/env/production/manage/signing-key).");
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(raw, hash);
        return prefix + Convert.ToHexString(hash).ToLowerInvariant();
    }

    /// <summary>The lowercase hex SHA-256 of the UTF-8 event key, as introspection reports it (<c>event_key_hash</c>).</summary>
    /// <param name="eventKey">The event key.</param>
    public static string HashEventKey(string eventKey)
    {
        ArgumentNullException.ThrowIfNull(eventKey);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(eventKey), hash);
        return Convert.ToHexString(hash).ToLowerInvariant();
    }

    private static bool IsWordChar(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
}
