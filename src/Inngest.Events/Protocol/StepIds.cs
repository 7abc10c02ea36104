using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inngest.Events.Protocol;

/// <summary>Step ids on the wire (docs/protocol.md#step-ids).</summary>
internal static class StepIds
{
    /// <summary>
    /// The <c>stepId</c> of a discovery call (run the function until it finds new steps), and the id of the one step
    /// entry of a function's config.
    /// </summary>
    public const string Discovery = "step";

    /// <summary>The hashed id of <paramref name="id"/>: the lowercase hex SHA-1 of its UTF-8 bytes.</summary>
    public static string Hash(string id)
    {
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(Encoding.UTF8.GetBytes(id), hash);
        return Convert.ToHexString(hash).ToLowerInvariant();
    }

    /// <summary>The id hashed for the <paramref name="index"/>-th repeat of a step id used more than once in a run: <c>{id}:{index}</c>.</summary>
    public static string Repeat(string id, int index) => id + ":" + index.ToString(CultureInfo.InvariantCulture);
}
