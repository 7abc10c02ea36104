using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Inngest.Events.Engine.Internal;
using Microsoft.Data.Sqlite;

namespace Inngest.Events.Engine.Store;

/// <summary>
/// Writes units of work to the SQLite database, several per transaction (group commit). Within a group, the keyed rows
/// of all its units are merged first (the last change per key wins, as it would have row by row), appends keep their
/// order, and the whole group commits or none of it, so what the file holds is always a prefix of the units committed.
/// Used by the store's writer thread only.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoSteps = new Dictionary<string, JsonElement>();

    private readonly SqliteConnection _connection;
    private readonly List<SqliteCommand> _commands = [];
    private readonly SqliteCommand _insertEvent;
    private readonly SqliteCommand _updateRun;
    private readonly SqliteCommand _insertRun;
    private readonly SqliteCommand _upsertStep;
    private readonly SqliteCommand _insertCall;
    private readonly SqliteCommand _insertTimeline;
    private readonly SqliteCommand _insertSkipped;
    private readonly SqliteCommand _upsertPending;
    private readonly SqliteCommand _deletePending;
    private readonly SqliteCommand _upsertTimer;
    private readonly SqliteCommand _deleteTimer;
    private readonly SqliteCommand _upsertKey;
    private readonly SqliteCommand _deleteKey;
    private readonly SqliteCommand _upsertDebounce;
    private readonly SqliteCommand _deleteDebounce;
    private readonly SqliteCommand _upsertBatch;
    private readonly SqliteCommand _deleteBatch;
    private readonly SqliteCommand _updateApp;
    private readonly SqliteCommand _insertApp;
    private readonly SqliteCommand _writeCounters;

    private readonly List<EventRecord> _events = [];
    private readonly Dictionary<string, StoredRun> _runs = new(StringComparer.Ordinal);
    private readonly List<string> _runOrder = [];
    private readonly Dictionary<StepKey, StoredStep> _steps = [];
    private readonly List<StoredCall> _calls = [];
    private readonly List<RunTimelineEntry> _timeline = [];
    private readonly List<SkippedRun> _skipped = [];
    private readonly Dictionary<StepKey, StoredPending?> _pending = [];
    private readonly Dictionary<long, StoredTimer?> _timers = [];
    private readonly Dictionary<StoredKeyId, StoredKey?> _keys = [];
    private readonly Dictionary<string, StoredDebounce?> _debounces = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredBatch?> _batches = new(StringComparer.Ordinal);
    private readonly Dictionary<string, StoredApp> _apps = new(StringComparer.Ordinal);
    private readonly List<string> _appOrder = [];

    private long _eventSeq;
    private long _runSeq;
    private long _skippedSeq;
    private long _appSeq;

    public SqliteWriter(SqliteConnection connection)
    {
        _connection = connection;
        _eventSeq = MaxSeq("events");
        _runSeq = MaxSeq("runs");
        _skippedSeq = MaxSeq("skipped");
        _appSeq = MaxSeq("apps");
        _insertEvent = Command("INSERT INTO events (seq, internal_id, name, event_id, received_at, payload) VALUES ($1, $2, $3, $4, $5, $6)", 6);
        _updateRun = Command("UPDATE runs SET status = $2, ended = $3, data = $4 WHERE run_id = $1", 4);
        _insertRun = Command("INSERT INTO runs (seq, run_id, status, ended, data, events) VALUES ($1, $2, $3, $4, $5, $6)", 6);
        _upsertStep = Command("INSERT OR REPLACE INTO steps (run_id, hash, ord, data) VALUES ($1, $2, $3, $4)", 4);
        _insertCall = Command("INSERT INTO calls (run_id, data) VALUES ($1, $2)", 2);
        _insertTimeline = Command("INSERT INTO timeline (run_id, data) VALUES ($1, $2)", 2);
        _insertSkipped = Command("INSERT INTO skipped (seq, data) VALUES ($1, $2)", 2);
        _upsertPending = Command("INSERT OR REPLACE INTO pending (run_id, hash, data) VALUES ($1, $2, $3)", 3);
        _deletePending = Command("DELETE FROM pending WHERE run_id = $1 AND hash = $2", 2);
        _upsertTimer = Command("INSERT OR REPLACE INTO timers (id, data) VALUES ($1, $2)", 2);
        _deleteTimer = Command("DELETE FROM timers WHERE id = $1", 1);
        _upsertKey = Command("INSERT OR REPLACE INTO keys (kind, scope, key, at, expires_at, value) VALUES ($1, $2, $3, $4, $5, $6)", 6);
        _deleteKey = Command("DELETE FROM keys WHERE kind = $1 AND scope = $2 AND key = $3", 3);
        _upsertDebounce = Command("INSERT OR REPLACE INTO debounces (id, data) VALUES ($1, $2)", 2);
        _deleteDebounce = Command("DELETE FROM debounces WHERE id = $1", 1);
        _upsertBatch = Command("INSERT OR REPLACE INTO batches (id, data) VALUES ($1, $2)", 2);
        _deleteBatch = Command("DELETE FROM batches WHERE id = $1", 1);
        _updateApp = Command("UPDATE apps SET data = $2 WHERE app_id = $1", 2);
        _insertApp = Command("INSERT INTO apps (seq, app_id, data) VALUES ($1, $2, $3)", 3);
        _writeCounters = Command("INSERT OR REPLACE INTO counters (id, events, timers, tokens, app_syncs) VALUES (1, $1, $2, $3, $4)", 4);
    }

    /// <summary>Writes <paramref name="units"/> (in commit order) in one transaction.</summary>
    public void Write(IReadOnlyList<SqliteUnit> units)
    {
        try
        {
            foreach (var unit in units)
            {
                Merge(unit);
            }

            using var transaction = _connection.BeginTransaction();
            foreach (var command in _commands)
            {
                command.Transaction = transaction;
            }

            WriteMerged(units[^1].Counters);
            transaction.Commit();
        }
        finally
        {
            Clear();
        }
    }

    public void Dispose()
    {
        foreach (var command in _commands)
        {
            command.Dispose();
        }
    }

    private void Merge(SqliteUnit unit)
    {
        _events.AddRange(unit.Events);
        foreach (var run in unit.Runs)
        {
            if (_runs.TryAdd(run.RunId, run))
            {
                _runOrder.Add(run.RunId);
            }
            else
            {
                _runs[run.RunId] = run;
            }
        }

        foreach (var step in unit.Steps)
        {
            _steps[new StepKey(step.RunId, step.Hash)] = step;
        }

        _calls.AddRange(unit.Calls);
        _timeline.AddRange(unit.Timeline);
        _skipped.AddRange(unit.Skipped);
        Merge(_pending, unit.Pending);
        Merge(_timers, unit.Timers);
        Merge(_keys, unit.Keys);
        Merge(_debounces, unit.Debounces);
        Merge(_batches, unit.Batches);
        foreach (var app in unit.Apps)
        {
            if (_apps.TryAdd(app.App.AppId, app))
            {
                _appOrder.Add(app.App.AppId);
            }
            else
            {
                _apps[app.App.AppId] = app;
            }
        }
    }

    private static void Merge<TKey, TValue>(Dictionary<TKey, TValue?> merged, KeyValuePair<TKey, TValue?>[] changes)
        where TKey : notnull
        where TValue : class
    {
        foreach (var (key, value) in changes)
        {
            merged[key] = value;
        }
    }

    private void WriteMerged(EngineCounters counters)
    {
        foreach (var evt in _events)
        {
            Execute(_insertEvent, ++_eventSeq, evt.InternalId, evt.Name, evt.Id, evt.ReceivedAt.UtcTicks, Json(evt.Payload, SqliteJson.Default.JsonElement));
        }

        foreach (var runId in _runOrder)
        {
            var run = _runs[runId];
            var ended = run.Status is RunStatus.Completed or RunStatus.Failed or RunStatus.Cancelled ? 1L : 0L;
            var data = Json(run with { Event = JsonValues.Null, Events = [] }, SqliteJson.Default.StoredRun);
            var status = run.Status.ToString();
            if (Execute(_updateRun, run.RunId, status, ended, data) == 0)
            {
                Execute(_insertRun, ++_runSeq, run.RunId, status, ended, data, Json(new SqliteRunEvents(run.Event, run.Events), SqliteJson.Default.SqliteRunEvents));
            }
        }

        foreach (var step in _steps.Values)
        {
            Execute(_upsertStep, step.RunId, step.Hash, (long)step.Order, Json(step, SqliteJson.Default.StoredStep));
        }

        foreach (var call in _calls)
        {
            Execute(_insertCall, call.RunId, Json(Compact(call), SqliteJson.Default.SqliteCall));
        }

        foreach (var entry in _timeline)
        {
            Execute(_insertTimeline, entry.RunId, Json(entry, SqliteJson.Default.RunTimelineEntry));
        }

        foreach (var skipped in _skipped)
        {
            Execute(_insertSkipped, ++_skippedSeq, Json(skipped, SqliteJson.Default.SkippedRun));
        }

        foreach (var (key, pending) in _pending)
        {
            _ = pending is null
                ? Execute(_deletePending, key.RunId, key.Hash)
                : Execute(_upsertPending, key.RunId, key.Hash, Json(pending, SqliteJson.Default.StoredPending));
        }

        foreach (var (id, timer) in _timers)
        {
            _ = timer is null ? Execute(_deleteTimer, id) : Execute(_upsertTimer, id, Json(timer, SqliteJson.Default.StoredTimer));
        }

        foreach (var (id, key) in _keys)
        {
            var kind = id.Kind.ToString();
            _ = key is null
                ? Execute(_deleteKey, kind, id.Scope, id.Key)
                : Execute(_upsertKey, kind, id.Scope, id.Key, key.At.UtcTicks, key.ExpiresAt.UtcTicks, key.Value);
        }

        foreach (var (id, debounce) in _debounces)
        {
            _ = debounce is null ? Execute(_deleteDebounce, id) : Execute(_upsertDebounce, id, Json(debounce, SqliteJson.Default.StoredDebounce));
        }

        foreach (var (id, batch) in _batches)
        {
            _ = batch is null ? Execute(_deleteBatch, id) : Execute(_upsertBatch, id, Json(batch, SqliteJson.Default.StoredBatch));
        }

        foreach (var appId in _appOrder)
        {
            var data = Json(_apps[appId], SqliteJson.Default.StoredApp);
            if (Execute(_updateApp, appId, data) == 0)
            {
                Execute(_insertApp, ++_appSeq, appId, data);
            }
        }

        Execute(_writeCounters, counters.Events, counters.Timers, counters.Tokens, counters.AppSyncs);
    }

    /// <summary>Leaves out of a call's row what the run's own rows hold (see <see cref="SqliteCall"/>).</summary>
    private SqliteCall Compact(StoredCall stored)
    {
        var call = stored.Call;
        var request = call.Request;
        var runEvents = _runs.TryGetValue(stored.RunId, out var run) && ReferenceEquals(request.Events, run.Events);
        var stack = request.Ctx.Stack;
        var stackMemos = request.Steps.Count == stack.Count;
        for (var i = 0; stackMemos && i < stack.Count; i++)
        {
            stackMemos = request.Steps.ContainsKey(stack[i]);
        }

        if (!runEvents && !stackMemos)
        {
            return new SqliteCall(call, false, false);
        }

        var compact = request with
        {
            Event = runEvents ? JsonValues.Null : request.Event,
            Events = runEvents ? [] : request.Events,
            Steps = stackMemos ? NoSteps : request.Steps,
        };
        return new SqliteCall(call with { Request = compact }, runEvents, stackMemos);
    }

    private void Clear()
    {
        _events.Clear();
        _runs.Clear();
        _runOrder.Clear();
        _steps.Clear();
        _calls.Clear();
        _timeline.Clear();
        _skipped.Clear();
        _pending.Clear();
        _timers.Clear();
        _keys.Clear();
        _debounces.Clear();
        _batches.Clear();
        _apps.Clear();
        _appOrder.Clear();
    }

    private static byte[] Json<T>(T value, JsonTypeInfo<T> type) => JsonSerializer.SerializeToUtf8Bytes(value, type);

    private static int Execute(SqliteCommand command, params object[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, int parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 1; i <= parameters; i++)
        {
            command.Parameters.Add(new SqliteParameter("$" + i, null));
        }

        _commands.Add(command);
        return command;
    }

    private long MaxSeq(string table)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = $"SELECT coalesce(max(seq), 0) FROM {table}";
        return (long)command.ExecuteScalar()!;
    }
}
