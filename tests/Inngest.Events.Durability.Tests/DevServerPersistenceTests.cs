using System.Text.Json.Nodes;
using Inngest.Events.Durability.Tests.Infrastructure;

namespace Inngest.Events.Durability.Tests;

/// <summary>
/// The dev server tool (<c>inngest-dotnet dev</c>) keeps its state in <c>inngest.db</c> in its working directory unless
/// told otherwise: after a restart (here a SIGKILL) it still knows its apps and runs. With <c>--in-memory</c> it keeps
/// nothing.
/// </summary>
public sealed class DevServerPersistenceTests
{
    private static readonly TimeSpan Overall = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task By_default_the_dev_server_keeps_apps_and_runs_in_inngest_db_in_its_working_directory()
    {
        using var folder = new TestFolder("persist");
        await using var setup = await SetupAsync(folder);
        var (app, http, port) = (setup.App, setup.Http, setup.Port);

        var first = await DevServerProcess.StartAsync(port, folder.Path, folder.File("dev-server.log"), ["-u", app.ServeUrl.AbsoluteUri, "--no-poll"], http, CrashApp.AppId);
        await using (first)
        {
            await NapAsync(first, http);
            await first.KillAsync();
        }

        Assert.True(File.Exists(folder.File("inngest.db")), "the dev server should keep its state in inngest.db in its working directory");

        // Started again without -u: the app comes back from the file, and so does the sleeping run.
        await using var second = await DevServerProcess.StartAsync(port, folder.Path, folder.File("dev-server.log"), ["--no-poll"], http, CrashApp.AppId);
        var info = await second.InfoAsync(http);
        Assert.Equal(1, (int?)info!["runs"]!["sleeping"]);
    }

    [Fact]
    public async Task With_in_memory_the_dev_server_keeps_nothing_across_a_restart()
    {
        using var folder = new TestFolder("memory");
        await using var setup = await SetupAsync(folder);
        var (app, http, port) = (setup.App, setup.Http, setup.Port);

        var first = await DevServerProcess.StartAsync(port, folder.Path, folder.File("dev-server.log"), ["--in-memory", "-u", app.ServeUrl.AbsoluteUri, "--no-poll"], http, CrashApp.AppId);
        await using (first)
        {
            await NapAsync(first, http);
            await first.KillAsync();
        }

        Assert.Empty(Directory.GetFiles(folder.Path, "*.db*"));
        await using var second = await DevServerProcess.StartAsync(port, folder.Path, folder.File("dev-server.log"), ["--in-memory", "--no-poll"], http);
        var info = await second.InfoAsync(http);
        Assert.Empty(info!["apps"]!.AsArray());
        Assert.Empty(info["runs"]!.AsObject());
    }

    private static async Task<Setup> SetupAsync(TestFolder folder)
    {
        var port = FreePort.Next();
        var app = await CrashApp.StartAsync(new Uri($"http://127.0.0.1:{port}/"), new StepLedger());
        return new Setup(app, new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, port);
    }

    /// <summary>Starts a run that sleeps for an hour and waits until the dev server says it sleeps.</summary>
    private static async Task NapAsync(DevServerProcess server, HttpClient http)
    {
        using var deadline = new CancellationTokenSource(Overall);
        var sender = new EventSender(http, () => server.BaseUrl, new Random(1));
        await sender.SendAsync([new JsonObject { ["name"] = NapRequested.EventName, ["data"] = new JsonObject { ["id"] = 1 } }], deadline.Token);
        while ((int?)(await server.InfoAsync(http, deadline.Token))?["runs"]?["sleeping"] != 1)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
        }
    }

    private sealed record Setup(CrashApp App, HttpClient Http, int Port) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            Http.Dispose();
            await App.DisposeAsync();
        }
    }
}
