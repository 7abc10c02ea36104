using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Inngest.Events.Engine.History;
using Inngest.Events.Testing.Replay;

namespace Onboarding.Tests;

/// <summary>
/// Replay: runs recorded from the sample replay clean against today's code; histories recorded by an older version of the
/// code (the same histories, edited as that version would have written them) show each kind of breaking change, naming the step.
/// </summary>
public sealed class HistoryReplayTests
{
    public static IEnumerable<object[]> Histories => RunHistoryFiles.Cases("histories");

    [Theory]
    [MemberData(nameof(Histories))]
    public async Task A_recorded_history_replays_clean_against_todays_code(string file)
    {
        await using var host = Onboard.Host();

        var result = await host.ReplayFileAsync(file);

        result.AssertClean();
    }

    [Fact]
    public async Task Recording_the_sample_again_gives_histories_that_replay_clean()
    {
        var histories = await HistoryRecorder.RecordAsync();
        if (Environment.GetEnvironmentVariable("RECORD_HISTORIES") == "1")
        {
            var folder = HistoryRecorder.SourceFolder();
            foreach (var (name, history) in histories)
            {
                File.WriteAllText(Path.Combine(folder, name), HistoryRecorder.WithoutStackTraces(history.ToJson()));
            }
        }

        await using var host = Onboard.Host();
        foreach (var (name, history) in histories)
        {
            var result = await host.ReplayAsync(history);
            Assert.True(result.IsClean, $"{name}: {result}");
        }

        Assert.Equal(RunHistoryFiles.Find("histories").Where(f => !f.Contains('/', StringComparison.Ordinal)).Order(), histories.Keys.Order());
    }

    [Fact]
    public async Task A_step_renamed_since_the_run_was_recorded_is_reported()
    {
        var old = Rename(Load("create-trial.completed.run.json"), "reserve-capacity", "reserve");

        var divergence = Assert.Single((await ReplayAsync(old)).Divergences);

        Assert.Equal((ReplayDivergenceKind.StepRenamed, "reserve"), (divergence.Kind, divergence.Step));
        Assert.Contains("Step 'reserve' (completed in the recorded run) is no longer reached; today's code calls the new step 'reserve-capacity' in its place.", divergence.Message);
    }

    [Fact]
    public async Task Steps_reordered_since_the_run_was_recorded_are_reported()
    {
        var recorded = Load("create-trial.completed.run.json");
        var old = recorded with { Steps = [recorded.Steps[1], recorded.Steps[0], .. recorded.Steps.Skip(2)] };

        var divergence = Assert.Single((await ReplayAsync(old)).Divergences);

        Assert.Equal((ReplayDivergenceKind.StepReordered, "start-subscription"), (divergence.Kind, divergence.Step));
        Assert.StartsWith("Step 'start-subscription' is now reached after 'reserve-capacity', but the recorded run reached 'start-subscription' first", divergence.Message);
    }

    [Fact]
    public async Task A_step_added_before_a_completed_one_is_reported()
    {
        var old = Remove(Load("create-trial.completed.run.json"), "reserve-capacity");

        var divergence = Assert.Single((await ReplayAsync(old)).Divergences);

        Assert.Equal((ReplayDivergenceKind.StepAdded, "reserve-capacity"), (divergence.Kind, divergence.Step));
        Assert.StartsWith("Step 'reserve-capacity' is new and comes before 'start-subscription', which the recorded run had completed", divergence.Message);
    }

    [Fact]
    public async Task A_step_of_another_kind_is_reported()
    {
        var recorded = Load("create-trial.completed.run.json");
        var old = Replace(recorded, "start-subscription", s => s with { Op = "Sleep", Memo = JsonDocument.Parse("null").RootElement, Output = null });

        var divergence = Assert.Single((await ReplayAsync(old)).Divergences);

        Assert.Equal((ReplayDivergenceKind.StepKindChanged, "start-subscription"), (divergence.Kind, divergence.Step));
        Assert.StartsWith("Step 'start-subscription' was a Sleep in the recorded run and is a StepRun now", divergence.Message);
    }

    [Fact]
    public async Task A_changed_wait_condition_is_reported_for_a_run_still_waiting()
    {
        var recorded = Load("orchestrate-onboarding.waiting.run.json");
        var old = Replace(recorded, "wait-trial", s => s with
        {
            Opts = JsonDocument.Parse("""{"event":"billing/trial.created","timeout":"10m","if":"event.data.email == async.data.email"}""").RootElement,
        });

        var divergence = Assert.Single((await ReplayAsync(old)).Divergences);

        Assert.Equal((ReplayDivergenceKind.WaitChanged, "wait-trial"), (divergence.Kind, divergence.Step));
        Assert.StartsWith("The condition of the wait 'wait-trial' changed from `event.data.email == async.data.email` to `", divergence.Message);
        Assert.EndsWith("a run waiting in it keeps the old one.", divergence.Message);
    }

    [Fact]
    public async Task A_step_removed_since_the_run_was_recorded_is_reported()
    {
        var recorded = Load("send-welcome-email.completed.run.json");
        var audit = recorded.Steps[0] with { Hash = Hash("audit-signup"), Name = "audit-signup" };
        var old = recorded with { Steps = [audit, .. recorded.Steps], Stack = [audit.Hash, .. recorded.Stack] };

        var divergence = Assert.Single((await ReplayAsync(old)).Divergences);

        Assert.Equal((ReplayDivergenceKind.StepRemoved, "audit-signup"), (divergence.Kind, divergence.Step));
        Assert.Equal("Step 'audit-signup' (completed in the recorded run) is no longer reached by today's code.", divergence.Message);
    }

    [Fact]
    public async Task A_stored_result_of_another_type_is_reported()
    {
        var old = Replace(Load("create-trial.completed.run.json"), "start-subscription", s => s with { Memo = JsonDocument.Parse("""{"data":42}""").RootElement });

        var result = await ReplayAsync(old);

        var divergence = Assert.Single(result.Divergences);
        Assert.Equal((ReplayDivergenceKind.ResultTypeChanged, "start-subscription"), (divergence.Kind, divergence.Step));
        Assert.StartsWith("The stored result of step 'start-subscription' no longer reads as 'System.DateOnly'", divergence.Message);
    }

    [Fact]
    public async Task A_run_caught_while_retrying_replays_clean_and_stops_at_the_retrying_step()
    {
        var result = (await ReplayAsync(Load("create-trial.retrying.run.json"))).AssertClean();

        Assert.Equal(ReplayOutcome.Stopped, result.Outcome);
        Assert.Equal([("reserve-capacity", ReplayAnswer.PendingAsRecorded)], result.Steps.Select(s => (s.Name, s.Answer)));
    }

    private static RunHistory Load(string name) => RunHistory.Load(Path.Combine(AppContext.BaseDirectory, "histories", name));

    private static async Task<ReplayResult> ReplayAsync(RunHistory history)
    {
        await using var host = Onboard.Host();
        return await host.ReplayAsync(history);
    }

    /// <summary>The history as the code would have written it had the step been called <paramref name="to"/>.</summary>
    private static RunHistory Rename(RunHistory history, string from, string to)
    {
        var step = history.Step(from)!;
        return Replace(history, from, s => s with { Name = to, Hash = Hash(to) }) with
        {
            Stack = history.Stack.Select(h => h == step.Hash ? Hash(to) : h).ToArray(),
        };
    }

    private static RunHistory Remove(RunHistory history, string name)
    {
        var step = history.Step(name)!;
        return history with { Steps = history.Steps.Where(s => s != step).ToArray(), Stack = history.Stack.Where(h => h != step.Hash).ToArray() };
    }

    private static RunHistory Replace(RunHistory history, string name, Func<RunHistoryStep, RunHistoryStep> change)
        => history with { Steps = history.Steps.Select(s => s.Name == name ? change(s) : s).ToArray() };

    /// <summary>A step id's hash as the protocol computes it: SHA-1 of its UTF-8 bytes, lower-case hex.</summary>
    private static string Hash(string id) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(id)));
}
