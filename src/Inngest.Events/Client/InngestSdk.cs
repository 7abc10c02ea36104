using System.Reflection;

namespace Inngest.Events;

/// <summary>How this SDK identifies itself to Inngest: one string for <c>X-Inngest-SDK</c> and <c>User-Agent</c> everywhere.</summary>
internal static class InngestSdk
{
    /// <summary>The SDK language as Inngest shows it.</summary>
    public const string Language = "dotnet";

    /// <summary>The package version, e.g. <c>0.1.0</c> (the informational version without its <c>+commit</c> suffix).</summary>
    public static readonly string Version = ReadVersion();

    /// <summary>The SDK identifier, <c>dotnet:v{Version}</c>.</summary>
    public static readonly string Identifier = $"{Language}:v{Version}";

    public const string SdkHeader = "X-Inngest-SDK";
    public const string EnvHeader = "X-Inngest-Env";
    public const string EventIdSeedHeader = "x-inngest-event-id-seed";

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
