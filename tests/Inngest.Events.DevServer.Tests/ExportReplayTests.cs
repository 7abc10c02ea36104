using Inngest.Events.DevServer.Tests.Infrastructure;
using Inngest.Events.Engine.History;
using Inngest.Events.Testing;
using Inngest.Events.Testing.Replay;
using Microsoft.Extensions.DependencyInjection;
using Onboarding;

namespace Inngest.Events.DevServer.Tests;

/// <summary>
/// One run-history format for the dev server and the testing package: what the run page's Export JSON button downloads
/// (<c>GET /runs/{runId}/history.json</c>) is read by <see cref="RunHistory.Parse(string)"/> and replays against
/// today's Onboarding code on <see cref="InngestTestHost"/> without a divergence, for runs under way and runs that ended.
/// </summary>
public sealed class ExportReplayTests : IAsyncLifetime
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(60) };
    private OnboardingDevServer _server = null!;

    public async Task InitializeAsync() => _server = await OnboardingDevServer.StartAsync();

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Histories_exported_from_the_run_page_replay_clean_with_the_testing_package()
    {
        await _server.SendAccountCreatedAsync(_http);

        // Under way: nothing due later has run yet (the trial's retries, the orchestrator's wait and sleeps).
        await _server.RunAsync();
        var underWay = await ExportAllAsync();
        Assert.Contains(underWay, h => h.Run.Status is RunStatus.Waiting or RunStatus.Sleeping or RunStatus.Running or RunStatus.Queued);

        await _server.SettleOnboardingAsync();
        var ended = await ExportAllAsync();
        Assert.Contains(ended, h => h.Run.Status == RunStatus.Completed);
        Assert.Contains(ended, h => h.Run.Status == RunStatus.Failed);

        await using var host = new InngestTestHost(InngestGeneratedFunctions.CreateRegistry, options =>
        {
            options.AppId = "onboarding";
            options.Services.AddSingleton<Mailer>().AddSingleton<Billing>().AddSingleton<Crm>();
        });
        var replayedSteps = 0;
        foreach (var history in underWay.Concat(ended))
        {
            var result = await host.ReplayAsync(history);

            Assert.True(result.IsClean, $"{history.Run.FunctionId} ({history.Run.Status}): {result}");
            Assert.All(result.Steps, step => Assert.True(
                step.Answer is ReplayAnswer.Recorded or ReplayAnswer.PendingAsRecorded,
                $"{history.Run.FunctionId}: step '{step.Name}' was answered {step.Answer}"));
            replayedSteps += result.Steps.Count(s => s.Answer == ReplayAnswer.Recorded);
            if (history.Run.Status == RunStatus.Completed)
            {
                Assert.Equal(ReplayOutcome.Completed, result.Outcome);
            }
        }

        // The replays went through the recorded steps, not around them.
        Assert.True(replayedSteps >= 10, $"only {replayedSteps} recorded steps were replayed");
    }

    /// <summary>Every run's history as the UI's export route serves it, read with the engine's history types.</summary>
    private async Task<IReadOnlyList<RunHistory>> ExportAllAsync()
    {
        var histories = new List<RunHistory>();
        foreach (var run in _server.Engine.Runs.Where(r => r.CompositeFunctionId.StartsWith("onboarding-", StringComparison.Ordinal)))
        {
            using var response = await _http.GetAsync(new Uri(_server.BaseUrl, $"runs/{run.RunId}/history.json"));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            histories.Add(RunHistory.Parse(await response.Content.ReadAsStringAsync()));
        }

        Assert.NotEmpty(histories);
        return histories;
    }
}
