using System.Globalization;

namespace DevServer;

/// <summary>
/// The command line, in the Inngest dev server's terms: <c>-u/--sdk-url URL</c> (repeatable), <c>-p/--port N</c>
/// (default 8288, or <c>PORT</c>), <c>--poll-interval SECONDS</c> (default 5; 0 syncs once), <c>--no-poll</c>; and where
/// the state lives: <c>--db PATH</c> (default <c>inngest.db</c> in the working directory) or <c>--in-memory</c>.
/// Anything else is passed to ASP.NET Core.
/// </summary>
/// <param name="Database">The SQLite file the engine keeps its state in, or null to keep it in memory.</param>
internal sealed record DevServerArguments(int Port, IReadOnlyList<Uri> AppUrls, TimeSpan? PollInterval, string? Database, string[] HostArguments)
{
    public const int DefaultPort = 8288;

    public const string DefaultDatabase = "inngest.db";

    public static DevServerArguments Parse(string[] args, string? portVariable)
    {
        var port = int.TryParse(portVariable, NumberStyles.None, CultureInfo.InvariantCulture, out var fromEnvironment) ? fromEnvironment : DefaultPort;
        var urls = new List<Uri>();
        TimeSpan? poll = TimeSpan.FromSeconds(5);
        string? database = DefaultDatabase;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "-u" or "--sdk-url":
                    var text = Value();
                    urls.Add(Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
                        ? url
                        : throw new ArgumentException($"'{text}' is not an http(s) URL of an app's serve endpoint, such as http://localhost:5000/api/inngest."));
                    break;
                case "-p" or "--port":
                    port = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "--poll-interval":
                    var seconds = int.Parse(Value(), NumberStyles.None, CultureInfo.InvariantCulture);
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
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        return new DevServerArguments(port, urls, poll, database, [.. rest]);
    }
}
