using DevServer;
using Inngest.Events.DevServer;
using Inngest.Events.Engine;

// A local Inngest server on the embedded engine, for apps written with any Inngest SDK: it takes events at
// POST /e/{key}, lets apps sync at POST /fn/register (or syncs the apps given with -u), and runs their functions by
// calling their serve endpoints. Like `npx inngest-cli dev`, minus the UI. Its state (events, runs, steps, timers, waits,
// synced apps) lives in the SQLite file inngest.db in the working directory (--db PATH for another file), so a restart
// carries on every run; --in-memory keeps it in memory instead.
//
//   dotnet run --project samples/DevServer -- -u http://localhost:5000/api/inngest
//   INNGEST_DEV=http://localhost:8288 (in the app)   curl -d '{"name":"app/hello"}' localhost:8288/e/key
var arguments = DevServerArguments.Parse(args, Environment.GetEnvironmentVariable("PORT"));
var builder = WebApplication.CreateBuilder(arguments.HostArguments);
builder.WebHost.UseUrls($"http://localhost:{arguments.Port}");
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
builder.Services.AddSingleton(arguments);
builder.Services.AddHostedService<AppSyncService>();
builder.Services.AddInngest(options => options.AppId = "dev-server")
    .UseEmbeddedEngine(engine =>
    {
        engine.OnTimelineEntry = entry => Console.WriteLine($"  {entry.Time:HH:mm:ss.fff}  {entry.FunctionId,-28} {entry.Message}");
        if (arguments.Database is { } database)
        {
            engine.UseSqlite(database);
        }
    });

// Optional keys, as for a self-hosted server: with a signing key the engine signs its calls and apps must sync with it.
builder.Services.Configure<InngestDevServerOptions>(options =>
{
    options.SigningKey = builder.Configuration["INNGEST_SIGNING_KEY"];
    if (builder.Configuration["INNGEST_EVENT_KEY"] is { Length: > 0 } eventKey)
    {
        options.EventKeys.Add(eventKey);
    }
});

var app = builder.Build();
app.MapInngestDevServer();
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"Inngest dev server (embedded engine) on http://localhost:{arguments.Port}: events at /e/{{key}}, syncs at /fn/register, status at /dev; "
        + (arguments.Database is { } database ? $"state in {Path.GetFullPath(database)}" : "state in memory")));
await app.RunAsync();
