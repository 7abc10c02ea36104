using System.Text;
using System.Text.Json;
using Inngest.Events.Engine.Store;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// The SQLite store gives back what the in-memory store gives back for the same units of work (and so does a new store
/// on its file), keeps its file's schema versioned, and refuses files it cannot use with a message that says which file,
/// what is wrong and what to do.
/// </summary>
public sealed class SqliteStoreTests : IDisposable
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false };
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task The_SQLite_store_gives_back_what_the_in_memory_store_gives_back_for_the_same_work_and_so_does_its_file_after_a_reopen()
    {
        var path = _folder.File("mirror.db");
        var store = new MirroredStore(new InMemoryEngineStore(), SqliteEngineStore.Open(path, new SqliteStoreOptions()));
        await using var h = new EngineHarness(store, o => o.RetryBackoff = [TimeSpan.FromSeconds(10)], Workload.Functions());
        h.Engine.RegisterApp(Workload.RegisterBody());

        await Workload.StartAsync(h);
        AssertSame(store.Primary, store.Mirror, "with runs sleeping, waiting, retrying and buffered");
        using (var copy = OpenCopy(path))
        {
            AssertSame(store.Primary, copy, "in a new store on a copy of the file, mid-way");
        }

        await Workload.FinishAsync(h);
        Assert.Contains(h.Engine.Runs, r => r.Status == RunStatus.Failed);
        Assert.Contains(h.Engine.Runs, r => r.Status == RunStatus.Cancelled);
        Assert.Contains(h.Engine.Skipped, s => s.Reason == SkipReason.Idempotency);
        AssertSame(store.Primary, store.Mirror, "at the end");
    }

    [Fact]
    public async Task UseEmbeddedEngine_with_UseSqlite_keeps_the_state_for_the_next_host_on_the_same_file()
    {
        var path = _folder.File("host.db");
        var time = new FakeTimeProvider(EngineHarness.Start);
        ServiceProvider Host()
        {
            var services = new ServiceCollection();
            services.AddSingleton<TimeProvider>(time);
            services.AddSingleton(new InngestFunctionRegistry([Fn.On("napper", Names.OrderPlaced, async invocation =>
            {
                await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
                return invocation.SerializeResult(invocation.GetEvent<OrderPlaced>().Data.OrderId);
            })]));
            services.AddInngest(o => o.AppId = "shop").UseEmbeddedEngine(e =>
            {
                e.RunInBackground = false;
                e.UseSqlite(path);
            });
            return services.BuildServiceProvider();
        }

        await using (var first = Host())
        {
            await first.GetRequiredService<IInngestClient>().SendAsync(new OrderPlaced("o1"), new EventOptions { Id = "order-1" });
            await first.GetRequiredService<InngestEngine>().RunUntilIdleAsync();
            Assert.Equal(RunStatus.Sleeping, Assert.Single(first.GetRequiredService<InngestEngine>().Runs).Status);
        }

        Assert.True(File.Exists(path));
        await using var second = Host();
        var engine = second.GetRequiredService<InngestEngine>();
        await second.GetRequiredService<IInngestClient>().SendAsync(new OrderPlaced("o1"), new EventOptions { Id = "order-1" });
        time.Advance(TimeSpan.FromHours(1));
        await engine.RunUntilIdleAsync();

        var run = Assert.Single(engine.Runs);
        Assert.Equal((RunStatus.Completed, "o1"), (run.Status, run.Result!.Value.GetString()));
        Assert.Equal(SkipReason.Idempotency, Assert.Single(engine.Skipped).Reason);
    }

    [Fact]
    public void A_new_file_gets_the_current_schema_version_and_the_engine_application_id()
    {
        var path = _folder.File("new.db");
        using (var store = SqliteEngineStore.Open(path, new SqliteStoreOptions()))
        {
            Assert.Equal(0, store.OpenedVersion);
        }

        Assert.Equal((long)SqliteSchema.ApplicationId, Pragma(path, "application_id"));
        Assert.Equal((long)SqliteSchema.Migrations[^1].Version, Pragma(path, "user_version"));
        Assert.Equal("wal", PragmaText(path, "journal_mode"));
        using var reopened = SqliteEngineStore.Open(path, new SqliteStoreOptions());
        Assert.Equal(SqliteSchema.Migrations[^1].Version, reopened.OpenedVersion);
    }

    [Fact]
    public void Commits_wait_for_the_disk_only_when_asked_to()
    {
        using (var normal = SqliteEngineStore.Open(_folder.File("normal.db"), new SqliteStoreOptions()))
        {
            Assert.Equal(1, normal.Synchronous);
        }

        using var full = SqliteEngineStore.Open(_folder.File("full.db"), new SqliteStoreOptions { SyncToDisk = true });
        Assert.Equal(2, full.Synchronous);
    }

    [Fact]
    public async Task An_older_schema_is_migrated_on_open_and_keeps_its_data()
    {
        var path = _folder.File("old.db");
        await using (var h = new EngineHarness(SqliteEngineStore.Open(path, new SqliteStoreOptions()), null, Fn.Returning("once", Names.OrderPlaced, "ok")))
        {
            await h.SendAsync(new OrderPlaced("o1"), new EventOptions { Id = "order-1" });
            await h.RunAsync();
        }

        var current = SqliteSchema.Migrations[^1].Version;
        SqliteMigration[] newer =
        [
            .. SqliteSchema.Migrations,
            new(current + 1, "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL); INSERT INTO notes (text) SELECT name FROM events;"),
        ];
        using (var migrated = SqliteEngineStore.Open(path, new SqliteStoreOptions(), newer))
        {
            Assert.Equal(current, migrated.OpenedVersion);
            Assert.Equal(RunStatus.Completed, Assert.Single(migrated.ReadRuns()).Status);
            Assert.Contains(migrated.ReadState().Keys, k => k.Id.Key == "order-1");
        }

        Assert.Equal((long)current + 1, Pragma(path, "user_version"));
        Assert.Equal((long)EventCount(path), Scalar(path, "SELECT count(*) FROM notes"));
    }

    [Fact]
    public void A_file_written_by_a_newer_version_is_refused_with_what_to_do()
    {
        var path = _folder.File("newer.db");
        SqliteEngineStore.Open(path, new SqliteStoreOptions()).Dispose();
        Execute(path, "PRAGMA user_version = 99");

        var exception = Assert.Throws<EngineStoreException>(() => SqliteEngineStore.Open(path, new SqliteStoreOptions()));
        Assert.Equal(path, exception.Path);
        Assert.Contains($"'{path}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("schema version 99", exception.Message, StringComparison.Ordinal);
        Assert.Contains("newer version of Inngest.Events.Engine", exception.Message, StringComparison.Ordinal);
        Assert.Contains($"up to {SqliteSchema.Migrations[^1].Version}", exception.Message, StringComparison.Ordinal);
        Assert.Contains("another file", exception.Message, StringComparison.Ordinal);
        Assert.Equal(99L, Pragma(path, "user_version"));
    }

    [Fact]
    public void A_file_that_is_not_a_SQLite_database_is_refused_and_left_as_it_was()
    {
        var path = _folder.File("notes.txt");
        File.WriteAllText(path, "these are my notes, not a database");

        var exception = Assert.Throws<EngineStoreException>(() => SqliteEngineStore.Open(path, new SqliteStoreOptions()));
        Assert.Contains($"'{path}' is not a SQLite database", exception.Message, StringComparison.Ordinal);
        Assert.Equal("these are my notes, not a database", File.ReadAllText(path));
    }

    [Fact]
    public void A_SQLite_database_of_something_else_is_refused()
    {
        var path = _folder.File("other.db");
        Execute(path, "CREATE TABLE customers (id INTEGER PRIMARY KEY, name TEXT)");

        var exception = Assert.Throws<EngineStoreException>(() => SqliteEngineStore.Open(path, new SqliteStoreOptions()));
        Assert.Contains("not one an Inngest engine wrote", exception.Message, StringComparison.Ordinal);
        Assert.Contains("1 table(s)", exception.Message, StringComparison.Ordinal);
        Assert.Equal(0L, Pragma(path, "user_version"));
    }

    [Fact]
    public async Task A_corrupt_file_gets_a_clear_error()
    {
        var path = _folder.File("corrupt.db");
        await using (var h = new EngineHarness(SqliteEngineStore.Open(path, new SqliteStoreOptions()), null, Fn.Returning("once", Names.OrderPlaced, "ok")))
        {
            for (var i = 0; i < 50; i++)
            {
                await h.SendAsync(new OrderPlaced($"o{i}"));
            }

            await h.RunAsync();
        }

        // Keep SQLite's header (the first 100 bytes) and scribble over every page after the first.
        var bytes = File.ReadAllBytes(path);
        Assert.True(bytes.Length > 8192, "the database should span several pages");
        new Random(7).NextBytes(bytes.AsSpan(4096));
        File.WriteAllBytes(path, bytes);

        var exception = Assert.ThrowsAny<EngineStoreException>(() =>
        {
            using var store = SqliteEngineStore.Open(path, new SqliteStoreOptions());
            store.ReadState();
            store.ReadRuns();
        });
        Assert.Contains($"'{path}'", exception.Message, StringComparison.Ordinal);
        Assert.Contains("corrupt", exception.Message, StringComparison.Ordinal);
        Assert.Contains("delete it (with its -wal and -shm files) to start empty", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_in_use_by_another_engine_is_refused_until_that_engine_closes_it()
    {
        var path = _folder.File("busy.db");
        var first = SqliteEngineStore.Open(path, new SqliteStoreOptions());

        var exception = Assert.Throws<EngineStoreException>(() => SqliteEngineStore.Open(path, new SqliteStoreOptions()));
        Assert.Contains("in use by another engine", exception.Message, StringComparison.Ordinal);

        first.Dispose();
        SqliteEngineStore.Open(path, new SqliteStoreOptions()).Dispose();
    }

    [Fact]
    public void A_missing_folder_is_reported_as_such()
    {
        var path = Path.Combine(_folder.Path, "no-such-folder", "inngest.db");

        var exception = Assert.Throws<EngineStoreException>(() => SqliteEngineStore.Open(path, new SqliteStoreOptions()));
        Assert.Contains("the folder", exception.Message, StringComparison.Ordinal);
        Assert.Contains("does not exist", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failed_write_fails_the_send_and_every_later_commit_with_the_reason_and_stopping_still_closes_the_file()
    {
        var path = _folder.File("broken.db");
        var engine = new InngestEngine(
            new InngestFunctionRegistry([Fn.Returning("once", Names.OrderPlaced, "ok")]),
            new InngestEngineOptions().UseSqlite(path));
        await engine.SendAsync(new OrderPlaced("o1"));

        // Another connection takes a table away from under the store, so its next transaction fails.
        Execute(path, "DROP TABLE timeline");
        var send = await Assert.ThrowsAsync<EngineStoreException>(() => engine.SendAsync(new OrderPlaced("o2")));
        Assert.Equal(path, send.Path);
        Assert.Contains($"Cannot write the engine database '{path}'", send.Message, StringComparison.Ordinal);
        Assert.Contains("no such table: timeline", send.Message, StringComparison.Ordinal);

        var later = await Assert.ThrowsAsync<EngineStoreException>(() => engine.SendAsync(new OrderPlaced("o3")));
        Assert.Contains("were not stored; the engine cannot go on with this store", later.Message, StringComparison.Ordinal);

        await Assert.ThrowsAsync<EngineStoreException>(() => engine.DisposeAsync().AsTask());
        SqliteEngineStore.Open(path, new SqliteStoreOptions()).Dispose();
    }

    [Fact]
    public async Task Reads_see_every_unit_committed_before_them_even_before_it_is_durable()
    {
        var path = _folder.File("reads.db");
        using var store = SqliteEngineStore.Open(path, new SqliteStoreOptions());
        await using var h = new EngineHarness(store, null, Fn.On("steps", Names.OrderPlaced, async invocation =>
        {
            var a = await invocation.Steps.RunAsync("a", () => 1);
            var b = await invocation.Steps.RunAsync("b", () => a + 1);
            return invocation.SerializeResult(b);
        }));

        for (var i = 0; i < 20; i++)
        {
            h.Engine.SendJson($$$"""{"name":"{{{Names.OrderPlaced}}}","data":{"orderId":"o{{{i}}}"}}""");
            Assert.Equal(i + 1, store.EventCount);
            Assert.Equal(i + 1, store.RunCount);
        }

        await h.RunAsync();
        Assert.All(store.ReadRuns(), r => Assert.Equal((RunStatus.Completed, 2), (r.Status, r.Result!.Value.GetInt32())));
        Assert.Equal(20, store.ReadRuns(offset: 10).Count + 10);
        Assert.Equal(store.ReadRuns()[12].RunId, Assert.Single(store.ReadRuns(offset: 12, limit: 1)).RunId);
    }

    /// <summary>A store on a copy of the file (and its WAL) of a store that is open and idle: what a restart would read.</summary>
    private static SqliteEngineStore OpenCopy(string path)
    {
        var copy = path + ".copy.db";
        File.Copy(path, copy, overwrite: true);
        if (File.Exists(path + "-wal"))
        {
            File.Copy(path + "-wal", copy + "-wal", overwrite: true);
        }

        return SqliteEngineStore.Open(copy, new SqliteStoreOptions());
    }

    private static void AssertSame(IEngineStore expected, IEngineStore actual, string when)
    {
        try
        {
            Assert.Equal(expected.EventCount, actual.EventCount);
            Assert.Equal(expected.RunCount, actual.RunCount);
            Assert.Equal(expected.CountRuns().OrderBy(c => c.Key), actual.CountRuns().OrderBy(c => c.Key));
            Assert.Equal(Text(expected.ReadEvents()), Text(actual.ReadEvents()));
            Assert.Equal(Text(expected.ReadEvents(3, 4)), Text(actual.ReadEvents(3, 4)));
            Assert.Equal(Text(expected.ReadRuns()), Text(actual.ReadRuns()));
            Assert.Equal(Text(expected.ReadRuns(2, 3)), Text(actual.ReadRuns(2, 3)));
            Assert.Equal(Text(expected.ReadSkipped()), Text(actual.ReadSkipped()));
            Assert.Equal(Text(expected.ReadApps()), Text(actual.ReadApps()));
            foreach (var run in expected.ReadRuns())
            {
                Assert.Equal(Text(run), Text(actual.GetRun(run.RunId)));
            }

            foreach (var evt in expected.ReadEvents())
            {
                Assert.Equal(Text(evt), Text(actual.GetEvent(evt.InternalId)));
            }

            Assert.Null(actual.GetRun("no-such-run"));
            Assert.Null(actual.GetEvent("no-such-event"));
            var (a, b) = (expected.ReadState(), actual.ReadState());
            Assert.Equal(a.Counters, b.Counters);
            Assert.Equal(Text(a.Runs), Text(b.Runs));
            Assert.Equal(Text(a.Steps), Text(b.Steps));
            Assert.Equal(Text(a.Pending.OrderBy(p => p.RunId).ThenBy(p => p.Hash)), Text(b.Pending.OrderBy(p => p.RunId).ThenBy(p => p.Hash)));
            Assert.Equal(Text(a.Timers), Text(b.Timers));
            Assert.Equal(Text(a.Keys.OrderBy(k => k.Id.ToString())), Text(b.Keys.OrderBy(k => k.Id.ToString())));
            Assert.Equal(Text(a.Debounces.OrderBy(d => d.DebounceId)), Text(b.Debounces.OrderBy(d => d.DebounceId)));
            Assert.Equal(Text(a.Batches.OrderBy(d => d.BatchId)), Text(b.Batches.OrderBy(d => d.BatchId)));
            Assert.Equal(Text(a.Apps), Text(b.Apps));
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"The stores differ {when}: {exception.Message}", exception);
        }
    }

    private static string Text<T>(T value) => JsonSerializer.Serialize(value, Json);

    private static long EventCount(string path) => Scalar(path, "SELECT count(*) FROM events");

    private static long Pragma(string path, string name) => Scalar(path, "PRAGMA " + name);

    private static string PragmaText(string path, string name) => (string)Query(path, "PRAGMA " + name)!;

    private static long Scalar(string path, string sql) => (long)Query(path, sql)!;

    private static object? Query(string path, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(string path, string sql) => Query(path, sql);

    /// <summary>Functions and events that exercise every kind of row the store keeps.</summary>
    private static class Workload
    {
        private static Task<ReadOnlyMemory<byte>> Ok(FunctionInvocation invocation) => Task.FromResult(invocation.SerializeResult("ok"));

        public static InngestFunctionDefinition[] Functions() =>
        [
            Fn.On("checkout", Names.OrderPlaced, async invocation =>
            {
                var order = invocation.GetEvent<OrderPlaced>().Data;
                var reserved = await invocation.Steps.RunAsync("reserve", () => $"reserved {order.OrderId}");
                var both = await Task.WhenAll(invocation.Steps.RunAsync("tax", () => 2), invocation.Steps.RunAsync("shipping", () => 3));
                await invocation.Steps.SleepAsync("cool-off", TimeSpan.FromHours(1));
                var payment = await invocation.Steps.WaitForEventAsync<PaymentReceived>("wait-payment", TimeSpan.FromHours(2), "event.data.orderId == async.data.orderId");
                var price = await invocation.Steps.InvokeAsync("price", new FunctionReference<QuoteRequested, int>("price"), new QuoteRequested(both.Sum()));
                var charged = await invocation.Steps.RunAsync("charge", () => invocation.Context.Attempt == 0 ? Fn.Throw("declined") : price);
                await invocation.Steps.SendEventAsync("receipt", new ReceiptRequested(order.OrderId));
                return invocation.SerializeResult($"{reserved}, paid {payment?.Data.Amount ?? -1}, charged {charged}");
            }, new FunctionConfig { Cancel = [new CancelOn(Names.OrderCancelled, "event.data.orderId == async.data.orderId")] }),
            Fn.Invoked("price", async invocation =>
                invocation.SerializeResult(await invocation.Steps.RunAsync("compute", () => invocation.GetEvent<QuoteRequested>().Data.Quantity * 10))),
            Fn.Returning("receipt", Names.ReceiptRequested, "sent"),
            Fn.On("doomed", Names.OrderPlaced, _ => Fn.Fail(new InvalidOperationException("always")), new FunctionConfig { Retries = 1 }),
            Fn.On("once-per-customer", Names.OrderPlaced, Ok, new FunctionConfig { Idempotency = "event.data.customerId" }),
            Fn.On("debounced", Names.PaymentReceived, Ok, new FunctionConfig { Debounce = new DebounceConfig("10m") }),
            Fn.On("batched", Names.ReceiptRequested, invocation => Task.FromResult(invocation.SerializeResult(invocation.Events.Count)),
                new FunctionConfig { BatchEvents = new BatchConfig(5, "30m") }),
            Fn.On("rate-limited", Names.OrderPlaced, Ok, new FunctionConfig { RateLimit = new RateLimitConfig(1, "1h") }),
            Fn.On("throttled", Names.OrderPlaced, Ok, new FunctionConfig { Throttle = new ThrottleConfig(1, "1m") }),
            new InngestFunctionDefinition
            {
                Id = "hourly",
                Triggers = [FunctionTrigger.ForCron("0 * * * *")],
                Handler = invocation => Task.FromResult(invocation.SerializeResult("tick")),
            },
        ];

        public static byte[] RegisterBody()
        {
            const string Url = "http://127.0.0.1:9/api/inngest";
            var step = "{\"id\":\"step\",\"name\":\"step\",\"runtime\":{\"type\":\"http\",\"url\":\"" + Url + "?fnId=remote-fn&stepId=step\"}}";
            var function = "{\"id\":\"remote-fn\",\"name\":\"Remote\",\"triggers\":[{\"event\":\"test/never.sent\"}],\"steps\":{\"step\":" + step + "}}";
            return Encoding.UTF8.GetBytes("{\"url\":\"" + Url + "\",\"deployType\":\"ping\",\"appName\":\"remote\",\"sdk\":\"js:v3.0.0\",\"v\":\"0.1\",\"framework\":\"express\",\"functions\":[" + function + "]}");
        }

        /// <summary>Leaves runs sleeping, waiting, retrying, buffered and throttled.</summary>
        public static async Task StartAsync(EngineHarness h)
        {
            await h.SendAsync(new OrderPlaced("o1", 10, "c1"), new EventOptions { Id = "order-1" });
            await h.SendAsync(new OrderPlaced("o1", 10, "c1"), new EventOptions { Id = "order-1" });
            await h.SendAsync(new OrderPlaced("o2", 20, "c1"));
            await h.SendAsync(new OrderPlaced("o3", 30, "c2"));
            await h.RunAsync();
            await h.AdvanceAsync(TimeSpan.FromMinutes(61));
            await h.SendAsync(new PaymentReceived("o1", 10));
            await h.SendAsync(new OrderCancelled("o3"));
            await h.RunAsync();
        }

        /// <summary>Lets everything end: the other payment never comes, retries and buffers fire.</summary>
        public static async Task FinishAsync(EngineHarness h)
        {
            for (var i = 0; i < 12; i++)
            {
                await h.AdvanceAsync(TimeSpan.FromMinutes(15));
            }
        }
    }
}
