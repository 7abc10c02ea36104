using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Inngest.Events.Durability.Tests.Infrastructure;
using Inngest.Events.Engine;
using Xunit.Abstractions;

namespace Inngest.Events.Durability.Tests;

/// <summary>
/// The dev server (the <c>inngest-dotnet dev</c> tool, a real process on a SQLite file) is killed with SIGKILL at
/// random points of a busy workload, several times, and started again on the same file each time. Our app (MapInngest,
/// in this process) records every step it runs. Afterwards: no run is lost, no event started two runs of a function, no
/// step ran again once the function had been given its result, a step ran twice only across a kill, retries kept their
/// attempt counts, and every run ended as it would have without the crashes. The seed (<c>INNGEST_CRASH_SEED</c> to
/// choose another) decides the kill points and is printed with every failure.
/// </summary>
public sealed class CrashTests(ITestOutputHelper output)
{
    private const int Orders = 30;
    private const int Kills = 5;
    private const int DefaultSeed = 20261205;
    private static readonly string[] Functions = [CrashFunctions.Pipeline, CrashFunctions.Payment, CrashFunctions.Parallel];
    private static readonly TimeSpan Overall = TimeSpan.FromMinutes(8);

    [Fact]
    public async Task Killing_the_dev_server_at_random_points_loses_no_run_starts_none_twice_and_reruns_no_completed_step()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("INNGEST_CRASH_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var chosen) ? chosen : DefaultSeed;
        var random = new Random(seed);
        using var folder = new TestFolder("crash");
        var log = folder.File("dev-server.log");
        var database = folder.File("inngest.db");
        using var deadline = new CancellationTokenSource(Overall);
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var ledger = new StepLedger();
        var port = FreePort.Next();
        var devUrl = new Uri($"http://127.0.0.1:{port}/");
        await using var app = await CrashApp.StartAsync(devUrl, ledger);
        string[] arguments = ["--db", database, "-u", app.ServeUrl.AbsoluteUri, "--no-poll"];

        // Kill points: after this many step executions (all reachable: every run executes at least 11 steps per order).
        var killAt = Enumerable.Range(0, Kills).Select(_ => random.Next(15, Orders * 10)).Order().ToArray();
        var sender = new EventSender(http, () => devUrl, random);
        var report = new StringBuilder($"seed {seed} (INNGEST_CRASH_SEED={seed} repeats this run), kill points after {string.Join(", ", killAt)} step executions; log {log}\n");
        var kills = 0;
        try
        {
            var server = await DevServerProcess.StartAsync(port, folder.Path, log, arguments, http, CrashApp.AppId);
            try
            {
                var sending = SendOrdersAsync(sender, random.Next(), deadline.Token);
                var paying = PayAsync(sender, ledger, deadline.Token);
                foreach (var threshold in killAt)
                {
                    await ledger.WaitUntilAsync(_ => ledger.Executions >= threshold, deadline.Token);
                    await server.KillAsync();
                    kills++;
                    await server.DisposeAsync();
                    report.Append(CultureInfo.InvariantCulture, $"kill {kills} after {ledger.Executions} step executions\n");

                    // Everything the killed server sent has finished before the next incarnation starts sending.
                    await app.DrainAsync(deadline.Token);
                    ledger.Epoch++;
                    server = await DevServerProcess.StartAsync(port, folder.Path, log, arguments, http);
                }

                await sending;
                await ledger.WaitUntilAsync(entries => Finished(entries) == Orders * Functions.Length, deadline.Token);
                await paying;

                // The dev server itself says every run completed (its reads see only what is stored)...
                while (await CompletedAsync(server, http, deadline.Token) < Orders * Functions.Length)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
                }

                // ...and a last kill, right then, loses none of it.
                await server.KillAsync();
                kills++;
            }
            finally
            {
                await server.DisposeAsync();
            }

            var runs = await ReadRunsAsync(database);
            var entries = ledger.Entries;
            report.Append(CultureInfo.InvariantCulture, $"{kills} kills, {runs.Count} runs, {entries.Count(e => e.Kind is LedgerKind.Ran or LedgerKind.Failed)} step executions "
                + $"({Reruns(entries)} again after a kill), {sender.Retries} event requests sent again\n");
            CheckRuns(runs);
            CheckLedger(entries);
            output.WriteLine(report.ToString());
        }
        catch (Exception exception)
        {
            folder.Keep = true;
            throw new InvalidOperationException($"{report}after {kills} kill(s): {exception.Message}\n--- dev server log (last lines) ---\n{Tail(log, 60)}", exception);
        }
    }

    /// <summary>Sends the orders in batches of 5, each batch one request.</summary>
    private static async Task SendOrdersAsync(EventSender sender, int seed, CancellationToken cancellationToken)
    {
        var random = new Random(seed);
        for (var first = 0; first < Orders; first += 5)
        {
            var batch = Enumerable.Range(first, Math.Min(5, Orders - first))
                .Select(order => new JsonObject { ["name"] = OrderPlaced.EventName, ["data"] = new JsonObject { ["order"] = order } })
                .ToArray();
            await sender.SendAsync(batch, cancellationToken);

            // Spread the orders over the kills: the next batch goes after a few more steps ran somewhere.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(50, 400)), cancellationToken);
        }
    }

    /// <summary>Pays each order whose payment run waits, again and again until the run has settled (a payment only matches a wait that began before it).</summary>
    private static async Task PayAsync(EventSender sender, StepLedger ledger, CancellationToken cancellationToken)
    {
        while (true)
        {
            var settled = ledger.Entries.Where(e => e is { Kind: LedgerKind.Ran, Function: CrashFunctions.Payment, Step: "settle" }).Select(e => e.Order).ToHashSet();
            if (settled.Count == Orders)
            {
                return;
            }

            var due = ledger.Waiting.Where(order => !settled.Contains(order)).Order().ToArray();
            if (due.Length > 0)
            {
                await sender.SendAsync(
                    due.Select(order => new JsonObject
                    {
                        ["name"] = PaymentReceived.EventName,
                        ["data"] = new JsonObject { ["order"] = order, ["amount"] = 100 * order },
                    }).ToArray(),
                    cancellationToken);
            }

            await Task.Delay(TimeSpan.FromMilliseconds(300), cancellationToken);
        }
    }

    private static int Finished(IReadOnlyList<LedgerEntry> entries)
        => entries.Where(e => e.Kind == LedgerKind.Returned).Select(e => (e.Function, e.Order)).Distinct().Count();

    private static async Task<int> CompletedAsync(DevServerProcess server, HttpClient http, CancellationToken cancellationToken)
        => (int?)(await server.InfoAsync(http, cancellationToken))?["runs"]?["completed"] ?? 0;

    /// <summary>Opens the dead server's file with an engine of our own (the public API) and reads its runs.</summary>
    private static async Task<IReadOnlyList<RunRecord>> ReadRunsAsync(string database)
    {
        await using var engine = new InngestEngine(new InngestFunctionRegistry([]), new InngestEngineOptions { RunInBackground = false }.UseSqlite(database));
        return engine.Runs;
    }

    private static void CheckRuns(IReadOnlyList<RunRecord> runs)
    {
        foreach (var function in Functions)
        {
            var ofFunction = runs.Where(r => r.FunctionId == function).ToArray();
            var byOrder = ofFunction.GroupBy(r => r.Event.GetProperty("data").GetProperty("order").GetInt32()).ToDictionary(g => g.Key, g => g.ToArray());
            Assert.True(byOrder.Count == Orders, $"{function}: runs for {byOrder.Count} orders, expected {Orders} (lost: {string.Join(", ", Enumerable.Range(0, Orders).Where(o => !byOrder.ContainsKey(o)))})");
            foreach (var (order, started) in byOrder)
            {
                Assert.True(started.Length == 1, $"{function}: order {order} started {started.Length} runs ({string.Join(", ", started.Select(r => r.RunId))})");
                var run = started[0];
                Assert.True(run.Status == RunStatus.Completed, $"{function}: run {run.RunId} of order {order} is {run.Status}");
                Assert.Equal(CrashFunctions.Expected(function, order), run.Result!.Value.GetInt32());
                foreach (var step in run.Steps.Where(s => s.Name is "a" or "b" or "c" or "d" or "prepare" or "settle" or "p1" or "p2" or "p3"))
                {
                    var expected = function == CrashFunctions.Pipeline && step.Name == "c" ? 3 : 1;
                    Assert.True(step.Attempts == expected, $"{function}: step '{step.Name}' of order {order} took {step.Attempts} attempts, expected {expected}");
                }
            }
        }
    }

    private static void CheckLedger(IReadOnlyList<LedgerEntry> entries)
    {
        foreach (var function in Functions)
        {
            foreach (var group in entries.Where(e => e.Function == function).GroupBy(e => e.Order))
            {
                var runIds = group.Select(e => e.RunId).Distinct().ToArray();
                Assert.True(runIds.Length == 1, $"{function}: order {group.Key} ran as {runIds.Length} runs in the app ({string.Join(", ", runIds)})");
            }
        }

        foreach (var step in entries.Where(e => e.Kind != LedgerKind.Returned).GroupBy(e => (e.RunId, e.Step)))
        {
            var seen = step.Where(e => e.Kind == LedgerKind.Saw).Select(e => e.Seq).DefaultIfEmpty(long.MaxValue).Min();
            var after = step.FirstOrDefault(e => e.Kind is LedgerKind.Ran or LedgerKind.Failed && e.Seq > seen);
            Assert.True(after is null, $"step '{step.Key.Step}' of run {step.Key.RunId} ran again (#{after?.Seq}, epoch {after?.Epoch}) after the function had been given its result (#{seen})");

            foreach (var attempt in step.Where(e => e.Kind is LedgerKind.Ran or LedgerKind.Failed).GroupBy(e => e.Attempt))
            {
                var epochs = attempt.Select(e => e.Epoch).ToArray();
                Assert.True(epochs.Length == epochs.Distinct().Count(),
                    $"attempt {attempt.Key} of step '{step.Key.Step}' of run {step.Key.RunId} ran more than once without a kill between (epochs {string.Join(", ", epochs)})");
            }

            var attempts = step.Where(e => e.Kind is LedgerKind.Ran or LedgerKind.Failed).Select(e => e.Attempt).ToArray();
            Assert.True(attempts.Zip(attempts.Skip(1)).All(p => p.Second >= p.First),
                $"the attempts of step '{step.Key.Step}' of run {step.Key.RunId} went back: {string.Join(", ", attempts)} (a retry lost its attempt count)");
        }
    }

    private static int Reruns(IReadOnlyList<LedgerEntry> entries)
        => entries.Where(e => e.Kind is LedgerKind.Ran or LedgerKind.Failed).GroupBy(e => (e.RunId, e.Step, e.Attempt)).Sum(g => g.Count() - 1);

    private static string Tail(string path, int lines)
    {
        try
        {
            return File.Exists(path) ? string.Join('\n', File.ReadLines(path).TakeLast(lines)) : "(no log)";
        }
        catch (IOException exception)
        {
            return $"(the log cannot be read: {exception.Message})";
        }
    }
}
