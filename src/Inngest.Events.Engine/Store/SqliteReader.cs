using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Inngest.Events.Engine.Internal;
using Microsoft.Data.Sqlite;

namespace Inngest.Events.Engine.Store;

/// <summary>The SQLite store's queries, on a connection of the caller's (one per read; reads may run on any thread).</summary>
internal static class SqliteReader
{
    public static EngineState ReadState(SqliteConnection connection)
    {
        var counters = default(EngineCounters);
        Query(connection, "SELECT events, timers, tokens, app_syncs FROM counters WHERE id = 1", reader =>
            counters = new EngineCounters(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3)));

        var runs = new List<StoredRun>();
        Query(connection, "SELECT data, events FROM runs WHERE ended = 0 ORDER BY seq", reader => runs.Add(ReadRun(reader, 0)));
        var steps = new List<StoredStep>();
        Query(connection, "SELECT s.data FROM runs r JOIN steps s ON s.run_id = r.run_id WHERE r.ended = 0 ORDER BY r.seq, s.ord",
            reader => steps.Add(Json(reader, 0, SqliteJson.Default.StoredStep)));
        var pending = new List<StoredPending>();
        Query(connection, "SELECT data FROM pending", reader => pending.Add(Json(reader, 0, SqliteJson.Default.StoredPending)));
        var timers = new List<StoredTimer>();
        Query(connection, "SELECT data FROM timers ORDER BY id", reader => timers.Add(Json(reader, 0, SqliteJson.Default.StoredTimer)));
        var keys = new List<StoredKey>();
        Query(connection, "SELECT kind, scope, key, at, expires_at, value FROM keys", reader => keys.Add(new StoredKey(
            new StoredKeyId(Enum.Parse<KeyKind>(reader.GetString(0)), reader.GetString(1), reader.GetString(2)),
            Time(reader.GetInt64(3)),
            Time(reader.GetInt64(4)),
            reader.GetInt64(5))));
        var debounces = new List<StoredDebounce>();
        Query(connection, "SELECT data FROM debounces", reader => debounces.Add(Json(reader, 0, SqliteJson.Default.StoredDebounce)));
        var batches = new List<StoredBatch>();
        Query(connection, "SELECT data FROM batches", reader => batches.Add(Json(reader, 0, SqliteJson.Default.StoredBatch)));
        return new EngineState(counters, runs, steps, pending, timers, keys, debounces, batches, ReadStoredApps(connection));
    }

    public static long Count(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT coalesce(max(seq), 0) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }

    public static IReadOnlyDictionary<RunStatus, int> CountRuns(SqliteConnection connection)
    {
        var counts = new Dictionary<RunStatus, int>();
        Query(connection, "SELECT status, count(*) FROM runs GROUP BY status", reader => counts[Enum.Parse<RunStatus>(reader.GetString(0))] = reader.GetInt32(1));
        return counts;
    }

    public static IReadOnlyList<EventRecord> ReadEvents(SqliteConnection connection, int offset, int limit)
    {
        var events = new List<EventRecord>();
        Query(connection, "SELECT internal_id, name, event_id, received_at, payload FROM events WHERE seq > $1 ORDER BY seq LIMIT $2",
            reader => events.Add(ReadEvent(reader)), offset, limit);
        return events;
    }

    public static EventRecord? GetEvent(SqliteConnection connection, string internalId)
    {
        EventRecord? found = null;
        Query(connection, "SELECT internal_id, name, event_id, received_at, payload FROM events WHERE internal_id = $1 ORDER BY seq DESC LIMIT 1",
            reader => found = ReadEvent(reader), internalId);
        return found;
    }

    public static IReadOnlyList<RunRecord> ReadRuns(SqliteConnection connection, int offset, int limit)
    {
        var runs = new List<(long Seq, StoredRun Run)>();
        Query(connection, "SELECT seq, data, events FROM runs WHERE seq > $1 ORDER BY seq LIMIT $2",
            reader => runs.Add((reader.GetInt64(0), ReadRun(reader, 1))), offset, limit);
        if (runs.Count == 0)
        {
            return [];
        }

        var parts = new Dictionary<long, RunParts>();
        foreach (var (seq, _) in runs)
        {
            parts[seq] = new RunParts();
        }

        object low = runs[0].Seq - 1;
        object high = runs[^1].Seq;
        Query(connection, "SELECT r.seq, s.data FROM runs r JOIN steps s ON s.run_id = r.run_id WHERE r.seq > $1 AND r.seq <= $2 ORDER BY r.seq, s.ord",
            reader => parts[reader.GetInt64(0)].Steps.Add(Json(reader, 1, SqliteJson.Default.StoredStep)), low, high);
        Query(connection, "SELECT r.seq, c.data FROM runs r JOIN calls c ON c.run_id = r.run_id WHERE r.seq > $1 AND r.seq <= $2 ORDER BY r.seq, c.seq",
            reader => parts[reader.GetInt64(0)].Calls.Add(Json(reader, 1, SqliteJson.Default.SqliteCall)), low, high);
        Query(connection, "SELECT r.seq, t.data FROM runs r JOIN timeline t ON t.run_id = r.run_id WHERE r.seq > $1 AND r.seq <= $2 ORDER BY r.seq, t.seq",
            reader => parts[reader.GetInt64(0)].Timeline.Add(Json(reader, 1, SqliteJson.Default.RunTimelineEntry)), low, high);
        var records = new RunRecord[runs.Count];
        for (var i = 0; i < records.Length; i++)
        {
            var part = parts[runs[i].Seq];
            records[i] = ToRecord(runs[i].Run, part);
        }

        return records;
    }

    public static RunRecord? GetRun(SqliteConnection connection, string runId)
    {
        StoredRun? run = null;
        Query(connection, "SELECT data, events FROM runs WHERE run_id = $1", reader => run = ReadRun(reader, 0), runId);
        if (run is null)
        {
            return null;
        }

        var part = new RunParts();
        Query(connection, "SELECT data FROM steps WHERE run_id = $1 ORDER BY ord", reader => part.Steps.Add(Json(reader, 0, SqliteJson.Default.StoredStep)), runId);
        Query(connection, "SELECT data FROM calls WHERE run_id = $1 ORDER BY seq", reader => part.Calls.Add(Json(reader, 0, SqliteJson.Default.SqliteCall)), runId);
        Query(connection, "SELECT data FROM timeline WHERE run_id = $1 ORDER BY seq", reader => part.Timeline.Add(Json(reader, 0, SqliteJson.Default.RunTimelineEntry)), runId);
        return ToRecord(run, part);
    }

    public static IReadOnlyList<SkippedRun> ReadSkipped(SqliteConnection connection, int offset, int limit)
    {
        var skipped = new List<SkippedRun>();
        Query(connection, "SELECT data FROM skipped WHERE seq > $1 ORDER BY seq LIMIT $2", reader => skipped.Add(Json(reader, 0, SqliteJson.Default.SkippedRun)), offset, limit);
        return skipped;
    }

    public static IReadOnlyList<StoredApp> ReadStoredApps(SqliteConnection connection)
    {
        var apps = new List<StoredApp>();
        Query(connection, "SELECT data FROM apps ORDER BY seq", reader => apps.Add(Json(reader, 0, SqliteJson.Default.StoredApp)));
        return apps;
    }

    /// <summary>The run's record, its calls' requests made whole again (see <see cref="SqliteCall"/>).</summary>
    private static RunRecord ToRecord(StoredRun run, RunParts part)
    {
        Dictionary<string, JsonElement>? memos = null;
        var calls = new CallRecord[part.Calls.Count];
        for (var i = 0; i < calls.Length; i++)
        {
            var (call, runEvents, stackMemos) = part.Calls[i];
            if (!runEvents && !stackMemos)
            {
                calls[i] = call;
                continue;
            }

            var request = call.Request;
            IReadOnlyDictionary<string, JsonElement> steps = request.Steps;
            if (stackMemos)
            {
                memos ??= part.Steps.ToDictionary(s => s.Hash, s => s.Memo ?? JsonValues.Null, StringComparer.Ordinal);
                var rebuilt = new Dictionary<string, JsonElement>(request.Ctx.Stack.Count, StringComparer.Ordinal);
                foreach (var hash in request.Ctx.Stack)
                {
                    rebuilt[hash] = memos.TryGetValue(hash, out var memo)
                        ? memo
                        : throw new JsonException($"Run {run.RunId} has a call whose stack names step {hash}, and the run has no such step.");
                }

                steps = rebuilt;
            }

            calls[i] = call with
            {
                Request = request with
                {
                    Event = runEvents ? run.Event : request.Event,
                    Events = runEvents ? run.Events : request.Events,
                    Steps = steps,
                },
            };
        }

        return StoredRunRecords.ToRecord(run, part.Steps, calls, part.Timeline);
    }

    private static StoredRun ReadRun(SqliteDataReader reader, int column)
    {
        var run = Json(reader, column, SqliteJson.Default.StoredRun);
        var events = Json(reader, column + 1, SqliteJson.Default.SqliteRunEvents);
        return run with { Event = events.Event, Events = events.Events };
    }

    private static EventRecord ReadEvent(SqliteDataReader reader)
        => new(reader.GetString(0), reader.GetString(1), reader.GetString(2), Json(reader, 4, SqliteJson.Default.JsonElement), Time(reader.GetInt64(3)));

    private static DateTimeOffset Time(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static T Json<T>(SqliteDataReader reader, int column, JsonTypeInfo<T> type)
        => JsonSerializer.Deserialize(reader.GetFieldValue<byte[]>(column), type)
            ?? throw new JsonException($"A row of the engine database holds null where a {typeof(T).Name} was expected.");

    private static void Query(SqliteConnection connection, string sql, Action<SqliteDataReader> row, params object[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue("$" + (i + 1), parameters[i]);
        }

        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            row(reader);
        }
    }

    /// <summary>The rows of one run while a page of runs is read.</summary>
    private sealed class RunParts
    {
        public List<StoredStep> Steps { get; } = [];

        public List<SqliteCall> Calls { get; } = [];

        public List<RunTimelineEntry> Timeline { get; } = [];
    }
}
