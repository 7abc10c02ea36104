using System.Diagnostics;
using Inngest.Events;
using Inngest.Events.Engine;
using Inngest.Events.Generated;
using Microsoft.Extensions.DependencyInjection;
using Onboarding;

// The onboarding flow on the embedded engine: no server, no installs. Retries back off in fractions of a second here
// so the sample finishes quickly; on Inngest they follow its own schedule.
var services = new ServiceCollection();
services.AddSingleton<Mailer>().AddSingleton<Billing>().AddSingleton<Crm>();
services.AddInngest(options => options.AppId = "onboarding")
    .UseEmbeddedEngine(engine =>
    {
        engine.RetryBackoff = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(300)];
        engine.OnTimelineEntry = entry => Console.WriteLine($"  {entry.Time:HH:mm:ss.fff}  {entry.FunctionId,-24} {entry.Message}");
    })
    .AddFunctions();
await using var provider = services.BuildServiceProvider();
var engine = provider.GetRequiredService<InngestEngine>();
var inngest = provider.GetRequiredService<IInngestClient>();
await engine.StartAsync(CancellationToken.None);

Console.WriteLine("Timeline:");
var account = new AccountCreated("u-42", "ada@example.com", "pro");
await inngest.SendAsync(account);                  // id: account-created-u-42
await inngest.SendAsync(account);                  // the same id again: deduplicated, runs nothing twice
// ts travels as unix milliseconds.
var digestAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddSeconds(2).ToUnixTimeMilliseconds());
await inngest.SendAsync(new DigestRequested("u-42"), new() { Ts = digestAt });   // delivered at ts, not now

// Expected outcome, checked as the runs finish.
var expected = new Dictionary<string, RunStatus>
{
    ["orchestrate-onboarding"] = RunStatus.Completed,
    ["send-welcome-email"] = RunStatus.Completed,
    ["create-trial"] = RunStatus.Completed,
    ["add-to-crm"] = RunStatus.Completed,
    ["charge-setup-fee"] = RunStatus.Failed,
    ["alert-billing-team"] = RunStatus.Completed,
    ["send-digest"] = RunStatus.Completed,
};
var clock = Stopwatch.StartNew();
while (clock.Elapsed < TimeSpan.FromSeconds(30)
    && !(expected.Keys.All(id => engine.Runs.Any(r => r.FunctionId == id && r.IsFinished)) && engine.Runs.All(r => r.IsFinished)))
{
    await Task.Delay(50);
}

await engine.StopAsync(CancellationToken.None);

Console.WriteLine();
Console.WriteLine("Runs:");
var failures = new List<string>();
foreach (var run in engine.Runs.OrderBy(r => r.CreatedAt))
{
    var steps = string.Join(", ", run.Steps.Select(s => s.Attempts > 1 ? $"{s.Name} ({s.Attempts} attempts)" : s.Name));
    Console.WriteLine($"  {run.FunctionId,-24} {run.Status,-10} steps: {steps}");
}

foreach (var (id, status) in expected)
{
    var runs = engine.Runs.Where(r => r.FunctionId == id).ToList();
    if (runs.Count != 1)
    {
        failures.Add($"{id}: expected exactly one run, found {runs.Count}");
    }
    else if (runs[0].Status != status)
    {
        failures.Add($"{id}: expected {status}, was {runs[0].Status} ({runs[0].Error?.Message})");
    }
}

var orchestrator = engine.Runs.FirstOrDefault(r => r.FunctionId == "orchestrate-onboarding");
if (orchestrator?.Result?.GetString() != "onboarded u-42")
{
    failures.Add($"orchestrate-onboarding returned {orchestrator?.Result?.GetRawText() ?? "nothing"}");
}

if (engine.Runs.FirstOrDefault(r => r.FunctionId == "create-trial")?.Step("reserve-capacity")?.Attempts is not 3)
{
    failures.Add("create-trial: the flaky step should have taken 3 attempts");
}

if (engine.Runs.FirstOrDefault(r => r.FunctionId == "send-digest") is { StartedAt: { } started } && started < digestAt)
{
    failures.Add($"send-digest started at {started:O}, before its ts {digestAt:O}");
}

Console.WriteLine();
if (failures.Count == 0)
{
    Console.WriteLine("Onboarding OK: every run ended as expected.");
    return 0;
}

Console.WriteLine("Onboarding FAILED:");
failures.ForEach(f => Console.WriteLine("  " + f));
return 1;
