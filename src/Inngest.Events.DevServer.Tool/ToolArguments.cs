using System.Globalization;

namespace Inngest.Events.DevServer.Tool;

/// <summary>
/// The <c>dev</c> command's options, in the Inngest dev server's terms where it has them: <c>-u/--sdk-url URL</c>
/// (repeatable), <c>-p/--port N</c> (default 8288, or <c>PORT</c>), <c>--host NAME</c> (default <c>localhost</c>),
/// <c>--poll-interval SECONDS</c> (default 5; 0 syncs once), <c>--no-poll</c>, <c>--retry-interval SECONDS</c> (retries
/// every N seconds instead of Inngest's backoff); and where the state lives: <c>--db PATH</c> (default <c>inngest.db</c>
/// in the working directory) or <c>--in-memory</c>.
/// </summary>
/// <param name="Database">The SQLite file the engine keeps its state in, or null to keep it in memory.</param>
internal sealed record ToolArguments(
    int Port,
    string Host,
    IReadOnlyList<Uri> AppUrls,
    TimeSpan? PollInterval,
    TimeSpan? RetryInterval,
    string? Database)
{
    public const int DefaultPort = 8288;

    public const string DefaultDatabase = "inngest.db";

    /// <summary>The options after <c>dev</c>; <paramref name="portVariable"/> is <c>PORT</c> from the environment.</summary>
    /// <exception cref="ArgumentException">An option is unknown, lacks its value, or has a bad one (the message says which).</exception>
    public static ToolArguments Parse(IReadOnlyList<string> args, string? portVariable)
    {
        var port = DefaultPort;
        if (!string.IsNullOrEmpty(portVariable) && !TryPort(portVariable, out port))
        {
            throw new ArgumentException($"PORT is '{portVariable}', which is not a port number (1-65535).");
        }

        var host = "localhost";
        var urls = new List<Uri>();
        TimeSpan? poll = TimeSpan.FromSeconds(5);
        TimeSpan? retry = null;
        string? database = DefaultDatabase;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            string Value() => i + 1 < args.Count && !args[i + 1].StartsWith('-') ? args[++i] : throw new ArgumentException($"{option} needs a value.");
            switch (option)
            {
                case "-u" or "--sdk-url":
                    var text = Value();
                    urls.Add(Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                        ? url
                        : throw new ArgumentException($"{option} '{text}' is not the http(s) URL of an app's serve endpoint, such as http://localhost:5000/api/inngest."));
                    break;
                case "-p" or "--port":
                    var portText = Value();
                    port = TryPort(portText, out var parsed) ? parsed : throw new ArgumentException($"{option} '{portText}' is not a port number (1-65535).");
                    break;
                case "--host":
                    host = Value();
                    break;
                case "--poll-interval":
                    var seconds = Seconds(option, Value());
                    poll = seconds == 0 ? null : TimeSpan.FromSeconds(seconds);
                    break;
                case "--no-poll":
                    poll = null;
                    break;
                case "--db":
                    database = Value();
                    break;
                case "--in-memory":
                    database = null;
                    break;
                case "--retry-interval":
                    retry = TimeSpan.FromSeconds(Seconds(option, Value()));
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{option}'. Run 'inngest-dotnet dev --help' for the options.");
            }
        }

        return new ToolArguments(port, host, urls, poll, retry, database);
    }

    private static bool TryPort(string text, out int port)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is > 0 and < 65536;

    private static int Seconds(string option, string text)
        => int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds) && seconds <= 86_400
            ? seconds
            : throw new ArgumentException($"{option} '{text}' is not a number of seconds (0-86400).");
}
