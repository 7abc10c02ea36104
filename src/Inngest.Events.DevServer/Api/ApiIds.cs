using System.Security.Cryptography;
using System.Text;

namespace Inngest.Events.DevServer.Api;

/// <summary>
/// The UUIDs Inngest's REST API gives things the engine knows by name. Inngest keys apps and functions by internal
/// UUIDs; the engine has none, so each is a name-based UUID (version 5, RFC 9562) of its id: stable across restarts and
/// the same on every machine. Account and environment are the all-zero UUID, as on Inngest's dev server.
/// </summary>
internal static class ApiIds
{
    /// <summary>The all-zero UUID the dev server uses for the account and the environment.</summary>
    public const string Zero = "00000000-0000-0000-0000-000000000000";

    // A namespace of our own for the name-based UUIDs (itself the v5 UUID of "inngest-events.dev-server" in the URL namespace).
    private static readonly Guid Namespace = NameBased(new Guid("6ba7b811-9dad-11d1-80b4-00c04fd430c8"), "inngest-events.dev-server");

    /// <summary>The UUID of the function with composite id <paramref name="compositeId"/>.</summary>
    public static string Function(string compositeId) => NameBased(Namespace, "function:" + compositeId).ToString();

    /// <summary>The UUID of the app <paramref name="appId"/>.</summary>
    public static string App(string appId) => NameBased(Namespace, "app:" + appId).ToString();

    private static Guid NameBased(Guid ns, string name)
    {
        Span<byte> input = stackalloc byte[16 + Encoding.UTF8.GetByteCount(name)];
        ns.TryWriteBytes(input[..16], bigEndian: true, out _);
        Encoding.UTF8.GetBytes(name, input[16..]);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);  // what RFC 9562 prescribes for version 5; nothing here is a secret
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }
}
