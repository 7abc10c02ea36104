using System.Security.Cryptography;

namespace Inngest.Events;

/// <summary>
/// The <c>x-inngest-event-id-seed</c> value, <c>"{unixMillis},{base64 of 10 random bytes}"</c>: Inngest derives the
/// internal ids of a request's events from it, so a retry of the same body with the same seed gets the same ids.
/// </summary>
internal static class EventIdSeed
{
    public static string Create(TimeProvider timeProvider)
    {
        Span<byte> entropy = stackalloc byte[10];
        RandomNumberGenerator.Fill(entropy);
        return $"{timeProvider.GetUtcNow().ToUnixTimeMilliseconds()},{Convert.ToBase64String(entropy)}";
    }
}
