using System.Text.RegularExpressions;
using Inngest.Events.DevServer.Tests.Infrastructure;

namespace Inngest.Events.DevServer.Tests;

/// <summary>
/// The run page's chart and details for what the Onboarding flow does not do: a sleep, a wait that times out, an
/// invoke (linked to the invoked run), and flow-control delays, on functions of the dev server's engine itself.
/// </summary>
public sealed partial class RunPageTests : IAsyncLifetime
{
    private static readonly FunctionReference<PriceAsked, int> Price = new("price");

    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private OnboardingDevServer _server = null!;

    public async Task InitializeAsync() => _server = await OnboardingDevServer.StartAsync(withApp: false, functions:
    [
        new InngestFunctionDefinition
        {
            Id = "journey",
            Triggers = [FunctionTrigger.ForEvent("test/journey.started")],
            Config = new FunctionConfig { Throttle = new ThrottleConfig(1, "1h") },
            Handler = async invocation =>
            {
                var trip = invocation.GetEvent<JourneyStarted>().Data.TripId;
                await invocation.Steps.RunAsync("pack", () => "bags");
                await invocation.Steps.SleepAsync("fly", TimeSpan.FromHours(2));
                var postcard = await invocation.Steps.WaitForEventAsync<PostcardArrived>("wait-postcard", TimeSpan.FromDays(1), "async.data.tripId == event.data.tripId");
                var price = await invocation.Steps.InvokeAsync("ask-price", Price, new PriceAsked(3));
                return invocation.SerializeResult($"{trip}: {price}, postcard {(postcard is null ? "lost" : "arrived")}");
            },
        },
        new InngestFunctionDefinition
        {
            Id = "price",
            Handler = async invocation =>
            {
                var nights = invocation.GetEvent<PriceAsked>().Data.Nights;
                return invocation.SerializeResult(await invocation.Steps.RunAsync("compute", () => nights * 100));
            },
        },
    ]);

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Sleeps_waits_that_time_out_invokes_and_flow_control_delays_are_on_the_chart_and_in_the_details()
    {
        await SendAsync("rome");
        await SendAsync("oslo");
        await _server.SettleAsync(engine => engine.Runs.Count(r => r.FunctionId == "journey" && r.IsFinished) == 2);
        var runs = _server.Engine.Runs.Where(r => r.FunctionId == "journey").ToArray();
        var first = runs[0];
        Assert.Equal(RunStatus.Completed, first.Status);
        Assert.Equal("rome: 300, postcard lost", first.Result!.Value.GetString());

        var page = await PageAsync($"runs/{first.RunId}");

        // The chart: a row per step with its kind, the sleep and the wait as bars, the wait's timeout as a mark.
        Assert.Equal(["pack", "fly", "wait-postcard", "ask-price"], ChartLabels().Matches(page).Select(m => m.Groups[1].Value));
        Assert.Contains("<div class=\"chart-row row-sleep\"", page);
        Assert.Matches("<span class=\"bar sleep\" style=\"left:[0-9.]+%;width:[0-9.]+%\" title=\"sleep 2h: 2h 00m\">", page);
        Assert.Contains("<span class=\"bar wait\"", page);
        Assert.Contains("class=\"mark mark-timeout\"", page);
        Assert.Contains("title=\"timed out after 1d\"", page);
        Assert.Contains("<span class=\"bar invoke\"", page);

        // The details: what the sleep and the wait were, the wait's expression, that it timed out; the invoked run.
        Assert.Contains("Sleeps <strong>2h</strong>", page);
        Assert.Contains("Waits for <code>test/postcard.arrived</code> if <code>async.data.tripId == event.data.tripId</code> for at most <strong>1d</strong>", page);
        Assert.Contains("No matching event arrived in time: the wait timed out and returned null.", page);
        var child = _server.Engine.Runs.Single(r => r.FunctionId == "price" && r.ParentRunId == first.RunId);
        Assert.Contains($"Invokes <code>dev-server-price</code>", page);
        Assert.Contains($"Its run: <a class=\"mono\" href=\"runs/{child.RunId}\">{child.RunId}</a>", page);
        Assert.Contains($"<dt>Invoked by</dt><dd class=\"mono\"><a href=\"runs/{first.RunId}\">", await PageAsync($"runs/{child.RunId}"));

        // The second trip waited for the throttle: a flow-control decision, on the chart and in its own section.
        var second = await PageAsync($"runs/{runs[1].RunId}");
        Assert.Contains("<h2 id=\"flow-title\">Flow control</h2>", second);
        Assert.Matches("delayed: throttle \\(1 per 1h\\)", second);
        Assert.Contains("class=\"mark mark-flow\"", second);
    }

    private async Task SendAsync(string trip)
    {
        using var response = await _http.PostAsync(new Uri(_server.BaseUrl, "e/key"),
            new StringContent($$$"""{"name":"test/journey.started","data":{"tripId":"{{{trip}}}"}}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.True(response.IsSuccessStatusCode);
    }

    private async Task<string> PageAsync(string path)
    {
        using var response = await _http.GetAsync(new Uri(_server.BaseUrl, path));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    [GeneratedRegex("<div class=\"chart-label\" role=\"rowheader\"><a class=\"mono\" href=\"#step-[0-9a-f]+\">([^<]+)</a>")]
    private static partial Regex ChartLabels();
}
