using System.Text.RegularExpressions;
using Inngest.Events.DevServer.Tests.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Inngest.Events.DevServer.Tests;

/// <summary>
/// The dev server UI in a real headless Chromium, with the Onboarding sample's functions served over HTTP and synced
/// to the dev server: the flow appears in Runs, a run shows every step and the retried step's attempts, live updates
/// arrive while a page is open, cancel and rerun work from the run page, the send-event form checks its JSON, and the
/// pages read without JavaScript, at phone width and from the keyboard.
/// </summary>
[Collection(ChromiumCollection.Name)]
public sealed partial class BrowserTests(ChromiumFixture chromium) : IAsyncLifetime
{
    private static readonly string[] OnboardingFunctions =
        ["orchestrate-onboarding", "send-welcome-email", "create-trial", "add-to-crm", "charge-setup-fee", "alert-billing-team"];

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private readonly List<IPage> _pages = [];
    private OnboardingDevServer _server = null!;

    public async Task InitializeAsync() => _server = await OnboardingDevServer.StartAsync();

    public async Task DisposeAsync()
    {
        foreach (var page in _pages)
        {
            await page.Context.CloseAsync();
        }

        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task The_onboarding_flow_appears_in_runs_and_its_run_shows_every_step_and_the_retried_steps_attempts()
    {
        var page = await OpenAsync("");
        await Expect(page.Locator("p.empty")).ToContainTextAsync("No runs yet");

        await _server.SendAccountCreatedAsync(_http);
        await _server.SettleOnboardingAsync();
        await page.ReloadAsync();

        await Expect(page.Locator("tr.run-row")).ToHaveCountAsync(OnboardingFunctions.Length);
        foreach (var function in OnboardingFunctions)
        {
            var run = _server.Engine.Runs.Single(r => r.FunctionId == function);
            var row = page.Locator($"tr.run-row[data-run-id='{run.RunId}']");
            await Expect(row.Locator("td").Nth(1)).ToContainTextAsync(function);
            await Expect(row.Locator(".badge")).ToHaveTextAsync(run.Status.ToString());
        }

        await Expect(page.Locator("tr.run-row:has(a:text-is('charge-setup-fee')) .badge")).ToHaveTextAsync("Failed");

        // The row links to the run.
        var trial = _server.Engine.Runs.Single(r => r.FunctionId == "create-trial");
        await page.Locator("tr.run-row:has(a:text-is('create-trial'))").GetByRole(AriaRole.Link, new() { Name = "create-trial" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex($"/runs/{trial.RunId}$"));
        await Expect(page.Locator(".run-head h1")).ToContainTextAsync("create-trial");

        // Every step, in the chart and in the details.
        Assert.Equal(["reserve-capacity", "start-subscription", "confirm-trial"], trial.Steps.Select(s => s.Name));
        foreach (var step in trial.Steps)
        {
            await Expect(page.Locator($".chart-row a[href='#step-{step.Hash}']")).ToHaveTextAsync(step.Name!);
            await Expect(page.Locator($"#step-{step.Hash} .step-name")).ToHaveTextAsync(step.Name!);
            await Expect(page.Locator($"#step-{step.Hash} .badge")).ToHaveTextAsync("Completed");
        }

        // The retried step: three attempts, the first two failed with the billing API's error, its stack collapsed.
        var reserve = trial.Step("reserve-capacity")!;
        var attempts = page.Locator($"#step-{reserve.Hash} li.attempt");
        await Expect(attempts).ToHaveCountAsync(3);
        for (var i = 0; i < 2; i++)
        {
            await Expect(attempts.Nth(i)).ToHaveClassAsync(new Regex(@"\bfail\b"));
            await Expect(attempts.Nth(i)).ToContainTextAsync($"Attempt {i + 1}");
            await Expect(attempts.Nth(i).Locator(".error-box")).ToContainTextAsync("TimeoutException: The billing API timed out reserving capacity for u-42.");
            await Expect(attempts.Nth(i).Locator("details.stack summary")).ToHaveTextAsync("Stack trace");
            await Expect(attempts.Nth(i).Locator("details.stack pre")).ToBeHiddenAsync();
        }

        await Expect(attempts.Nth(2)).ToContainTextAsync("succeeded");
        await attempts.Nth(0).Locator("details.stack summary").ClickAsync();
        await Expect(attempts.Nth(0).Locator("details.stack pre")).ToContainTextAsync("ReserveCapacityAsync");

        // Its chart row: two failed attempts, one that worked, the backoffs between them (15s, then 30s).
        var track = page.Locator(".chart-row:has(a[href='#step-" + reserve.Hash + "']) .chart-track");
        await Expect(track.Locator(".bar.fail")).ToHaveCountAsync(2);
        await Expect(track.Locator(".bar.ok")).ToHaveCountAsync(1);
        await Expect(track.Locator(".bar.backoff")).ToHaveCountAsync(2);
        await Expect(track.Locator(".bar.backoff").First).ToHaveAttributeAsync("title", new Regex("backoff before attempt 2: 15"));
        await Expect(page.Locator(".chart-row:has(a[href='#step-" + reserve.Hash + "']) .chart-sum")).ToContainTextAsync("3 attempts");

        // The orchestrator's waits: what each waits for, its expression, and the event that matched.
        var orchestrator = _server.Engine.Runs.Single(r => r.FunctionId == "orchestrate-onboarding");
        await page.GotoAsync(Url($"runs/{orchestrator.RunId}"));
        var waitTrial = orchestrator.Step("wait-trial")!;
        var waitDetails = page.Locator($"#step-{waitTrial.Hash}");
        await Expect(waitDetails).ToContainTextAsync("Waits for billing/trial.created if (event.data.userId == async.data.userId) for at most 10m");
        var trialEvent = _server.Engine.Events.Single(e => e.Name == "billing/trial.created");
        await Expect(waitDetails.Locator($"a[href='events/{trialEvent.InternalId}']")).ToBeVisibleAsync();
        await Expect(page.Locator(".chart-row:has(a[href='#step-" + waitTrial.Hash + "']) .mark-match")).ToHaveCountAsync(1);
        await Expect(page.Locator("#output-title + pre")).ToHaveTextAsync("\"onboarded u-42\"");
    }

    [Fact]
    public async Task A_live_update_arrives_while_a_page_is_open()
    {
        var page = await OpenAsync("");
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        await _server.SendAccountCreatedAsync(_http);
        await _server.RunAsync();

        var orchestrator = _server.Engine.Runs.Single(r => r.FunctionId == "orchestrate-onboarding");
        await Expect(page.Locator($"tr.run-row[data-run-id='{orchestrator.RunId}'] .badge")).ToHaveTextAsync("Waiting");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The page was reloaded instead of updated.");

        // The run page too: the orchestrator waits for the trial (its capacity check is retried), then completes.
        await page.GotoAsync(Url($"runs/{orchestrator.RunId}"));
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        await Expect(page.Locator(".run-head .badge")).ToHaveTextAsync("Waiting");
        await page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

        await _server.SettleOnboardingAsync();

        await Expect(page.Locator(".run-head .badge")).ToHaveTextAsync("Completed");
        await Expect(page.Locator("#output-title + pre")).ToHaveTextAsync("\"onboarded u-42\"");
        Assert.True(await page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"), "The page was reloaded instead of updated.");
    }

    [Fact]
    public async Task Cancel_and_rerun_work_from_the_run_page()
    {
        await _server.SendAccountCreatedAsync(_http);
        await _server.RunAsync();
        var orchestrator = _server.Engine.Runs.Single(r => r.FunctionId == "orchestrate-onboarding");
        Assert.Equal(RunStatus.Waiting, orchestrator.Status);
        var page = await OpenAsync($"runs/{orchestrator.RunId}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" }).ClickAsync();

        await Expect(page.Locator(".run-head .badge")).ToHaveTextAsync("Cancelled");
        await Expect(page.Locator("p.notice")).ToHaveTextAsync("The run was cancelled.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Cancel run" })).ToHaveCountAsync(0);
        var cancelled = _server.Engine.GetRun(orchestrator.RunId)!;
        Assert.Equal(RunStatus.Cancelled, cancelled.Status);
        Assert.Equal("cancelled from the dev server's run page", cancelled.CancellationReason);
        await Expect(page.Locator("#output-title ~ p")).ToContainTextAsync("cancelled from the dev server's run page");

        // Export JSON downloads the cancelled run's history in the run-history format.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Export JSON" }).ClickAsync());
        Assert.Equal($"run-{orchestrator.RunId}.run.json", download.SuggestedFilename);
        var history = Engine.History.RunHistory.Load(await download.PathAsync());
        Assert.Equal((orchestrator.RunId, RunStatus.Cancelled), (history.Run.RunId, history.Run.Status));
        Assert.Equal("cancelled from the dev server's run page", history.Run.CancellationReason);

        await page.GetByRole(AriaRole.Button, new() { Name = "Rerun" }).ClickAsync();

        await Expect(page.Locator("p.notice")).ToHaveTextAsync("This run is a rerun, started from the same event.");
        var rerun = Assert.Single(_server.Engine.Runs, r => r.OriginalRunId == orchestrator.RunId);
        await Expect(page).ToHaveURLAsync(new Regex($"/runs/{rerun.RunId}\\?done=rerun$"));
        await Expect(page.Locator($".facts a[href='runs/{orchestrator.RunId}']")).ToBeVisibleAsync();
        Assert.Equal(orchestrator.EventIds, rerun.EventIds);

        // The rerun runs: it announces the signup again and waits, live on the page.
        await _server.RunAsync();
        await Expect(page.Locator(".run-head .badge")).ToHaveTextAsync("Waiting");
        await Expect(page.Locator(".chart-row")).ToHaveCountAsync(6);
    }

    [Fact]
    public async Task The_send_event_form_rejects_bad_JSON_with_a_message_and_sends_good_JSON()
    {
        var page = await OpenAsync("events/send");
        var error = page.Locator("#send-error");
        await Expect(error).ToBeHiddenAsync();

        await page.Locator("#send-name").FillAsync("app/user.created");
        await page.Locator("#send-data").FillAsync("{\"userId\": \"u_1\",}");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send event" }).ClickAsync();

        await Expect(error).ToBeVisibleAsync();
        await Expect(error).ToContainTextAsync("The data is not valid JSON");
        await Expect(page.Locator("#send-data")).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.Locator("#send-data")).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/events/send$"));

        await page.Locator("#send-data").FillAsync("[1, 2]");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send event" }).ClickAsync();
        await Expect(error).ToContainTextAsync("must be a JSON object");

        await page.Locator("#send-data").FillAsync("{\"userId\": \"u_1\"}");
        await page.Locator("#send-name").FillAsync("inngest/function.failed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send event" }).ClickAsync();
        await Expect(error).ToContainTextAsync("reserved");
        await Expect(page.Locator("#send-name")).ToHaveAttributeAsync("aria-invalid", "true");
        Assert.DoesNotContain(_server.Engine.Events, e => e.Name == "app/user.created");

        await page.Locator("#send-name").FillAsync("app/user.created");
        await page.Locator("#send-data").FillAsync("{\"userId\": \"u_1\", \"plan\": \"pro\"}");
        await page.Locator("#send-id").FillAsync("user-created-u_1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send event" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/events/[0-9A-Z]{26}\\?done=sent$"));
        await Expect(page.Locator("p.notice")).ToHaveTextAsync("Event sent.");
        var sent = Assert.Single(_server.Engine.Events, e => e.Name == "app/user.created");
        Assert.Equal("""{"userId":"u_1","plan":"pro"}""", sent.Data.GetRawText());
        Assert.Equal("user-created-u_1", sent.Id);
        await Expect(page.Locator("p.reason")).ToHaveTextAsync("No function is triggered by 'app/user.created'.");
    }

    [Fact]
    public async Task Without_JavaScript_the_form_is_checked_by_the_server_and_the_pages_read_at_phone_width()
    {
        await _server.SendAccountCreatedAsync(_http);
        await _server.SettleOnboardingAsync();
        var page = await OpenAsync("events/send", width: 390, javaScript: false);

        await page.Locator("#send-name").FillAsync("app/user.created");
        await page.Locator("#send-data").FillAsync("{ nope }");
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Send event" }).ClickAsync(), r => r.Url.EndsWith("/events/send", StringComparison.Ordinal));

        Assert.Equal(400, response.Status);
        await Expect(page.Locator("#send-error")).ToContainTextAsync("The data is not valid JSON");
        await Expect(page.Locator("#send-data")).ToHaveValueAsync("{ nope }");

        foreach (var path in new[] { "", $"runs/{_server.Engine.Runs.Single(r => r.FunctionId == "create-trial").RunId}", "events", "apps" })
        {
            await page.GotoAsync(Url(path));
            Assert.True(
                await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"/{path} is wider than a 390 px screen.");
            await Expect(page.Locator("#live-status")).ToBeHiddenAsync();
        }

        await Expect(page.Locator("section.app h2").First).ToContainTextAsync("onboarding");
        await page.GotoAsync(Url(""));
        await Expect(page.Locator("tr.run-row")).ToHaveCountAsync(OnboardingFunctions.Length);
        await Screenshots.TakeAsync(page, "runs-phone", publish: false);
        await page.GotoAsync(Url($"runs/{_server.Engine.Runs.Single(r => r.FunctionId == "create-trial").RunId}"));
        await Expect(page.Locator(".chart .bar.fail")).ToHaveCountAsync(2);
        await Screenshots.TakeAsync(page, "run-phone", publish: false);
    }

    [Fact]
    public async Task The_pages_work_from_the_keyboard()
    {
        await _server.SendAccountCreatedAsync(_http);
        await _server.SettleOnboardingAsync();
        var page = await OpenAsync("");

        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#main")).ToBeFocusedAsync();

        // Tab on to the first run's link and open it with Enter.
        for (var i = 0; i < 30 && !await page.EvaluateAsync<bool>("() => !!document.activeElement.closest('tr.run-row')"); i++)
        {
            await page.Keyboard.PressAsync("Tab");
        }

        var href = await page.EvaluateAsync<string>("() => document.activeElement.getAttribute('href')");
        Assert.StartsWith("runs/", href);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new Regex("/" + href + "$"));

        // On the run page, the buttons and every step's details are reachable.
        var reached = new HashSet<string>();
        for (var i = 0; i < 60; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached.Add(await page.EvaluateAsync<string>("() => document.activeElement.id || document.activeElement.tagName + ':' + (document.activeElement.textContent || '').trim().slice(0, 40)"));
        }

        Assert.Contains("rerun-run", reached);
        Assert.Contains("export-run", reached);
        Assert.Contains(reached, r => r.StartsWith("SUMMARY:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Text_from_events_is_shown_as_text_never_run_as_markup()
    {
        const string name = "test/<img src=x onerror=alert(1)>";
        using var response = await _http.PostAsync(new Uri(_server.BaseUrl, "e/key"), new StringContent(
            $$$"""{"name":{{{JsonSerializer.Serialize(name)}}},"data":{"html":"</pre><script>alert(2)</script>"}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode);
        var page = await OpenAsync("events");
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };

        await page.ReloadAsync();
        await Expect(page.Locator("table.events a").First).ToHaveTextAsync(name);
        await page.Locator("table.events a").First.ClickAsync();
        await Expect(page.Locator("pre.json")).ToContainTextAsync("</pre><script>alert(2)</script>");

        Assert.Equal(0, dialogs);
        Assert.Equal(1, await page.Locator("script").CountAsync());
        Assert.Equal(0, await page.Locator("main img").CountAsync());
    }

    [Fact]
    public async Task Screenshots_of_the_runs_page_and_a_run_timeline()
    {
        await _server.SendAccountCreatedAsync(_http);
        await _server.SettleOnboardingAsync();
        var page = await OpenAsync("", height: 1000);
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        var runs = await Screenshots.TakeAsync(page, "runs", fullPage: false);

        var orchestrator = _server.Engine.Runs.Single(r => r.FunctionId == "orchestrate-onboarding");
        await page.GotoAsync(Url($"runs/{orchestrator.RunId}"));
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        var timeline = await Screenshots.TakeAsync(page, "run-timeline", fullPage: false);

        var trial = _server.Engine.Runs.Single(r => r.FunctionId == "create-trial");
        await page.GotoAsync(Url($"runs/{trial.RunId}"));
        await Expect(page.Locator("#live-status")).ToHaveTextAsync("Live");
        var retries = await Screenshots.TakeAsync(page, "run-retries", fullPage: false);

        Assert.All(new[] { runs, timeline, retries }, png => Assert.True(png.Length > 20_000, "A screenshot is suspiciously small."));

        // The other pages, for a look (not published). At 1280 px no page scrolls sideways.
        foreach (var (path, name) in new[]
        {
            ("", "runs"), ($"runs/{orchestrator.RunId}", "run"), ($"runs/{trial.RunId}", "run"), ("events", "events"),
            ($"events/{orchestrator.EventIds[0]}", "event"), ("apps", "apps"), ("events/send", "send"),
        })
        {
            await page.GotoAsync(Url(path));
            Assert.True(
                await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"),
                $"/{path} is wider than a 1280 px screen.");
            if (name is not ("runs" or "run"))
            {
                await Screenshots.TakeAsync(page, name, publish: false);
            }
        }
    }

    private async Task<IPage> OpenAsync(string path, int width = 1280, bool javaScript = true, int height = 900)
    {
        var page = await chromium.NewPageAsync(width, height, javaScript);
        _pages.Add(page);
        await page.GotoAsync(Url(path));
        return page;
    }

    private string Url(string path) => new Uri(_server.BaseUrl, path).AbsoluteUri;
}
