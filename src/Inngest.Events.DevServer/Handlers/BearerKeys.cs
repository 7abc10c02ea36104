using System.Security.Cryptography;
using System.Text;
using Inngest.Events.Engine;
using Inngest.Events.Protocol;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.DevServer.Handlers;

/// <summary>
/// The dev server's check of an <c>Authorization: Bearer</c> header against its signing keys (the current one and the
/// fallback), as a self-hosted Inngest server checks them: with no key configured every request passes.
/// </summary>
internal static class BearerKeys
{
    /// <summary>
    /// Whether <paramref name="request"/> bears the hash of a signing key (what SDKs send) or, when
    /// <paramref name="acceptRawKey"/>, the key itself (what scripts calling the REST API send).
    /// </summary>
    public static bool Authorized(HttpRequest request, InngestDevServerOptions options, InngestEngine engine, bool acceptRawKey)
    {
        var keys = new[] { options.SigningKey ?? engine.HttpOptions.SigningKey, options.SigningKeyFallback ?? engine.HttpOptions.SigningKeyFallback }
            .Where(key => !string.IsNullOrEmpty(key))
            .Select(key => key!)
            .ToArray();
        if (keys.Length == 0)
        {
            return true;
        }

        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal))
        {
            return false;
        }

        var token = Encoding.UTF8.GetBytes(header["Bearer ".Length..].Trim());
        return keys.Any(key => (acceptRawKey && CryptographicOperations.FixedTimeEquals(token, Encoding.UTF8.GetBytes(key)))
            || CryptographicOperations.FixedTimeEquals(token, Encoding.UTF8.GetBytes(SigningKeys.HashForBearer(key))));
    }
}
