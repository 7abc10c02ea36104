using System.Security.Cryptography;
using System.Text;

namespace Inngest.Events.Protocol;

/// <summary>Step-id hashing (design/inngest-protocol.md §3.8): lowercase hex SHA-1 of the UTF-8 id.</summary>
public static class StepIds
{
    /// <summary>The hashed id of <paramref name="id"/>.</summary>
    public static string Hash(string id)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(Encoding.UTF8.GetBytes(id), hash);
        return Convert.ToHexString(hash).ToLowerInvariant();
    }
}
