using System.Net.Http.Headers;
using System.Reflection;

namespace Inngest.Events.Protocol;

/// <summary>
/// How this SDK identifies itself to Inngest (docs/protocol.md#headers): one identity, <c>dotnet:v{version}</c>, for
/// <c>X-Inngest-SDK</c>, <c>User-Agent</c> and the <c>sdk</c> of a sync, from the client, the serve endpoint and the engine alike.
/// </summary>
internal static class InngestSdk
{
    /// <summary>The SDK language as Inngest shows it.</summary>
    public const string Language = "dotnet";

    /// <summary>The <c>sdk_author</c> of an in-band sync.</summary>
    public const string Author = "inngest.events";

    /// <summary>The package version, e.g. <c>0.1.0</c> (the informational version without its <c>+commit</c> suffix).</summary>
    public static readonly string Version = ReadVersion();

    /// <summary>The SDK identifier, <c>dotnet:v{Version}</c>.</summary>
    public static readonly string Identifier = $"{Language}:v{Version}";

    /// <summary>Adds <c>X-Inngest-SDK</c> and <c>User-Agent</c> with <see cref="Identifier"/>.</summary>
    public static void AddTo(HttpRequestHeaders headers)
    {
        headers.TryAddWithoutValidation(InngestHeaders.Sdk, Identifier);
        headers.TryAddWithoutValidation(InngestHeaders.UserAgent, Identifier);
    }

    private static string ReadVersion()
    {
        Assembly assembly = typeof(InngestSdk).Assembly;
        string? version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
        {
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        int plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
