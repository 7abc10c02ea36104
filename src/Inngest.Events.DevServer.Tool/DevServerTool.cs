using System.Reflection;

namespace Inngest.Events.DevServer.Tool;

/// <summary>The command line: <c>dev</c> starts the dev server; <c>--help</c> and <c>--version</c> say what they say.</summary>
internal static class DevServerTool
{
    public const string Usage = """
        Usage: inngest-dotnet dev [options]

        Starts a local Inngest server on the embedded engine, for apps written with any Inngest SDK: the event API
        (POST /e/{key}), app sync (POST /fn/register), Inngest's REST API (/v1/events, /v1/runs, /v1/cancellations)
        and a UI at http://localhost:8288/ with the runs and their timelines, events and apps.

        Options:
          -u, --sdk-url URL          An app's serve endpoint to sync (repeatable), e.g. http://localhost:5000/api/inngest
          -p, --port N               The port to listen on (default 8288, or PORT)
              --host NAME            The host name or address to listen on (default localhost)
              --poll-interval SECS   Sync the apps again every SECS seconds (default 5; 0 syncs once)
              --no-poll              Sync the apps once
              --retry-interval SECS  Retry failed steps every SECS seconds instead of Inngest's backoff (15s, 30s, 1m, ...)
              --db PATH              The SQLite file that keeps the state (default inngest.db in the working directory),
                                     so a restart carries on every run where it was
              --in-memory            Keep the state in memory instead (lost when the server stops)

        Environment: INNGEST_SIGNING_KEY (sign calls to apps; apps must sync with it), INNGEST_EVENT_KEY (the one event
        key the event API takes; any key when unset).
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        switch (args.FirstOrDefault())
        {
            case null or "-h" or "--help" or "help":
                await output.WriteLineAsync(Usage).ConfigureAwait(false);
                return args.Length == 0 ? 2 : 0;
            case "--version" or "-v":
                await output.WriteLineAsync(Version()).ConfigureAwait(false);
                return 0;
            case "dev":
                if (args.Skip(1).Any(a => a is "-h" or "--help"))
                {
                    await output.WriteLineAsync(Usage).ConfigureAwait(false);
                    return 0;
                }

                ToolArguments arguments;
                try
                {
                    arguments = ToolArguments.Parse(args[1..], Environment.GetEnvironmentVariable("PORT"));
                }
                catch (ArgumentException exception)
                {
                    await error.WriteLineAsync("inngest-dotnet dev: " + exception.Message).ConfigureAwait(false);
                    return 2;
                }

                return await DevCommand.RunAsync(arguments, output, error, cancellationToken).ConfigureAwait(false);
            default:
                await error.WriteLineAsync($"inngest-dotnet: unknown command '{args[0]}'. Run 'inngest-dotnet --help'.").ConfigureAwait(false);
                return 2;
        }
    }

    private static string Version()
    {
        var version = typeof(DevServerTool).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return "inngest-dotnet " + (plus < 0 ? version : version[..plus]);
    }
}
