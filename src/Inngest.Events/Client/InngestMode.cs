using Inngest.Events.Protocol;

namespace Inngest.Events;

/// <summary>
/// Dev or cloud mode, as the official SDKs decide it (docs/protocol.md#configuration): <c>InngestOptions.IsDev</c>, then
/// <c>InngestOptions.DevServerUrl</c>, then <c>INNGEST_DEV</c> (1/true dev, 0/false cloud, a URL dev at that origin),
/// else cloud. Shared by the client and the serve endpoint so both always agree.
/// </summary>
internal readonly record struct InngestMode(bool IsDev, string Source, Uri? DevUrl)
{
    /// <exception cref="InngestConfigurationException"><paramref name="devValue"/> is not a flag or an http(s) URL.</exception>
    public static InngestMode Resolve(InngestOptions options, string? devValue)
    {
        bool? devFlag = null;
        Uri? devUrl = null;
        if (devValue is not null)
        {
            if (devValue == "1" || devValue.Equals("true", StringComparison.OrdinalIgnoreCase))
            {
                devFlag = true;
            }
            else if (devValue == "0" || devValue.Equals("false", StringComparison.OrdinalIgnoreCase))
            {
                devFlag = false;
            }
            else if (InngestOptionsResolver.TryParseHttpUrl(devValue, out var url))
            {
                devUrl = url;
            }
            else
            {
                throw new InngestConfigurationException(
                    $"The environment variable {EnvironmentVariables.Dev} has the value '{devValue}', which is neither 1, true, 0, false " +
                    $"nor an http(s) URL of an Inngest dev server. Set {EnvironmentVariables.Dev}=1 for the dev server at {InngestUrls.DevServer}, " +
                    $"{EnvironmentVariables.Dev}=<url> for one elsewhere, or {EnvironmentVariables.Dev}=0 (or nothing) for Inngest Cloud.");
            }
        }

        if (options.IsDev is bool explicitDev)
        {
            return new(explicitDev, $"InngestOptions.IsDev is {(explicitDev ? "true" : "false")}", devUrl);
        }

        if (options.DevServerUrl is not null)
        {
            return new(true, "InngestOptions.DevServerUrl is set", devUrl);
        }

        if (devFlag is bool flag)
        {
            return new(flag, $"{EnvironmentVariables.Dev}={devValue}", devUrl);
        }

        return devUrl is not null
            ? new(true, $"{EnvironmentVariables.Dev}={devValue}", devUrl)
            : new(false, $"the default, since neither InngestOptions.IsDev nor {EnvironmentVariables.Dev} is set", null);
    }
}
