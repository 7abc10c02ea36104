using System.Reflection;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary>
/// How the serve endpoint identifies the SDK: the same <c>dotnet:v{version}</c> the client sends, taken from the
/// <c>Inngest.Events</c> runtime's informational version (without its <c>+commit</c> suffix).
/// </summary>
internal static class SdkIdentity
{
    public const string Language = "dotnet";

    public const string Framework = "aspnetcore";

    public static readonly string Version = ReadVersion(typeof(InngestOptions).Assembly);

    public static readonly string Identifier = $"{Language}:v{Version}";

    private static string ReadVersion(Assembly assembly)
    {
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(version))
        {
            return assembly.GetName().Version?.ToString(3) ?? "0.0.0";
        }

        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }
}
