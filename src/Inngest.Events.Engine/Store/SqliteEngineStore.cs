using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Inngest.Events.Engine.Store;

/// <summary>
/// The engine's state in a SQLite database (WAL mode), written by a background thread in group commits: see
/// docs/engine.md ("The SQLite store").
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Commit"/> copies the unit into a queue and returns; the writer thread takes everything queued, writes it
/// in one transaction, and then completes <see cref="WaitForDurableAsync"/> for those units. Units are written in
/// order and a transaction holds whole units, so after a crash the file holds a prefix of what was committed.
/// </para>
/// <para>
/// Reads first wait until everything committed before them is written (so they see every committed unit), then query
/// a pooled read-only connection of their own; WAL lets them run beside the writer.
/// </para>
/// <para>
/// One store uses a file at a time: it holds an exclusive lock on <c>{file}.lock</c> while open, which the operating
/// system releases when the process ends, however it ends.
/// </para>
/// </remarks>
internal sealed class SqliteEngineStore : IEngineStore
{
    private readonly object _gate = new();
    private readonly string _path;
    private readonly string _readConnectionString;
    private readonly SqliteConnection _connection;
    private readonly SqliteWriter _writer;
    private readonly SqliteCheckpointer _checkpointer;
    private readonly FileStream _lock;
    private readonly Thread _thread;
    private List<SqliteUnit> _queue = [];
    private long _committed;
    private long _durable;
    private TaskCompletionSource _written = NewSignal();
    private EngineStoreException? _fault;
    private bool _closing;

    /// <summary>How many group commits go between two checkpoint requests (a few MB of WAL in the fan-out benchmark).</summary>
    private const int CheckpointEvery = 128;

    private SqliteEngineStore(string path, FileStream fileLock, SqliteConnection connection, string readConnectionString, int openedVersion)
    {
        Synchronous = Convert.ToInt32(Scalar(connection, "PRAGMA synchronous"), System.Globalization.CultureInfo.InvariantCulture);
        _path = path;
        _lock = fileLock;
        _connection = connection;
        _readConnectionString = readConnectionString;
        OpenedVersion = openedVersion;
        _writer = new SqliteWriter(connection);
        _checkpointer = new SqliteCheckpointer(connection.ConnectionString);
        _thread = new Thread(WriteLoop) { IsBackground = true, Name = "Inngest engine store writer" };
        _thread.Start();
    }

    /// <summary>The full path of the database file.</summary>
    public string Path => _path;

    /// <summary>The writer connection's <c>PRAGMA synchronous</c>: 1 (NORMAL) by default, 2 (FULL) with <see cref="SqliteStoreOptions.SyncToDisk"/>.</summary>
    public int Synchronous { get; }

    /// <summary>The schema version the file had when it was opened (0 for a new file).</summary>
    public int OpenedVersion { get; }

    public int EventCount => (int)Read(connection => SqliteReader.Count(connection, "events"));

    public int RunCount => (int)Read(connection => SqliteReader.Count(connection, "runs"));

    /// <summary>Opens (or creates) the database <paramref name="path"/>, migrating its schema to the current version.</summary>
    /// <exception cref="EngineStoreException">The file cannot be used; the message says why and what to do.</exception>
    public static SqliteEngineStore Open(string path, SqliteStoreOptions options)
        => Open(path, options, SqliteSchema.Migrations);

    /// <summary>Opens the database with the schema history <paramref name="migrations"/> (tests try other histories).</summary>
    internal static SqliteEngineStore Open(string path, SqliteStoreOptions options, IReadOnlyList<SqliteMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(options);
        var fullPath = System.IO.Path.GetFullPath(path);
        var folder = System.IO.Path.GetDirectoryName(fullPath);
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new EngineStoreException($"Cannot open the engine database '{fullPath}': the folder '{folder}' does not exist. Create it, or choose another path.", fullPath);
        }

        if (Directory.Exists(fullPath))
        {
            throw new EngineStoreException($"Cannot open the engine database '{fullPath}': it is a folder. Give the path of a file (it is created if missing).", fullPath);
        }

        var fileLock = Lock(fullPath);
        SqliteConnection? connection = null;
        try
        {
            CheckHeader(fullPath);
            connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadWriteCreate,
                Pooling = false,
            }.ToString());
            connection.Open();
            Pragma(connection, "PRAGMA journal_mode = WAL");
            Pragma(connection, options.SyncToDisk ? "PRAGMA synchronous = FULL" : "PRAGMA synchronous = NORMAL");

            // Checkpoints run on SqliteCheckpointer's thread, never in the writer's commits.
            Pragma(connection, "PRAGMA wal_autocheckpoint = 0");
            var version = SqliteSchema.Migrate(connection, fullPath, migrations);
            var readConnectionString = new SqliteConnectionStringBuilder
            {
                DataSource = fullPath,
                Mode = SqliteOpenMode.ReadOnly,
                Pooling = true,
            }.ToString();
            return new SqliteEngineStore(fullPath, fileLock, connection, readConnectionString, version);
        }
        catch (Exception exception)
        {
            connection?.Dispose();
            fileLock.Dispose();
            if (exception is EngineStoreException)
            {
                throw;
            }

            throw Describe(exception, fullPath, "open");
        }
    }

    public long Commit(EngineChanges changes)
    {
        var unit = SqliteUnit.Copy(changes);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            ThrowIfFaulted();
            unit.Number = ++_committed;
            _queue.Add(unit);
            if (_queue.Count == 1)
            {
                Monitor.Pulse(_gate);
            }

            return unit.Number;
        }
    }

    public ValueTask WaitForDurableAsync(long commit, CancellationToken cancellationToken = default)
        => Volatile.Read(ref _durable) >= commit ? ValueTask.CompletedTask : new ValueTask(WaitAsync(commit, cancellationToken));

    public EngineState ReadState() => Read(SqliteReader.ReadState);

    public IReadOnlyList<EventRecord> ReadEvents(int offset = 0, int limit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read(connection => SqliteReader.ReadEvents(connection, offset, limit));
    }

    public EventRecord? GetEvent(string internalId) => Read(connection => SqliteReader.GetEvent(connection, internalId));

    public IReadOnlyList<RunRecord> ReadRuns(int offset = 0, int limit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read(connection => SqliteReader.ReadRuns(connection, offset, limit));
    }

    public IReadOnlyDictionary<RunStatus, int> CountRuns() => Read(SqliteReader.CountRuns);

    public RunRecord? GetRun(string runId) => Read(connection => SqliteReader.GetRun(connection, runId));

    public IReadOnlyList<SkippedRun> ReadSkipped(int offset = 0, int limit = int.MaxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(limit);
        return Read(connection => SqliteReader.ReadSkipped(connection, offset, limit));
    }

    public IReadOnlyList<RegisteredApp> ReadApps() => Read(connection => SqliteReader.ReadStoredApps(connection).Select(a => a.App).ToArray());

    /// <summary>Writes everything committed, stops the writer and closes the file.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_closing)
            {
                return;
            }

            _closing = true;
            Monitor.PulseAll(_gate);
        }

        _thread.Join();
        _checkpointer.Dispose();
        _writer.Dispose();
        using (var pooled = new SqliteConnection(_readConnectionString))
        {
            SqliteConnection.ClearPool(pooled);
        }

        _connection.Dispose();
        _lock.Dispose();
    }

    private static FileStream Lock(string path)
    {
        var lockPath = path + ".lock";
        try
        {
            return new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException exception)
        {
            throw new EngineStoreException(
                $"The engine database '{path}' is in use by another engine (in this process or another: '{lockPath}' is locked). One engine uses a "
                + "database at a time: stop the other one, or give this engine another file.",
                path,
                exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new EngineStoreException($"Cannot open the engine database '{path}': '{lockPath}' cannot be created or opened for writing ({exception.Message}).", path, exception);
        }
    }

    /// <summary>Refuses a file that is not a SQLite database before SQLite touches it.</summary>
    private static void CheckHeader(string path)
    {
        if (!File.Exists(path))
        {
            return;
        }

        ReadOnlySpan<byte> magic = "SQLite format 3\0"u8;
        Span<byte> header = stackalloc byte[16];
        int read;
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            read = file.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read > 0 && !header[..read].SequenceEqual(magic[..read]))
        {
            throw new EngineStoreException(
                $"The file '{path}' is not a SQLite database (it does not start with SQLite's header), so it is not an engine database. "
                + "Give the engine another path, or move this file away if it is not needed.",
                path);
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Pragma(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static EngineStoreException Describe(Exception exception, string path, string doing)
    {
        var advice = "Restore a copy of the file, or delete it (with its -wal and -shm files) to start empty; the runs in it are then lost.";
        var message = exception switch
        {
            SqliteException { SqliteErrorCode: 26 } => $"The file '{path}' is not a SQLite database, or its header is damaged. Give the engine another path, or move this file away.",
            SqliteException { SqliteErrorCode: 11 } e => $"The engine database '{path}' is corrupt ({e.Message.TrimEnd('.')}). {advice}",
            SqliteException { SqliteErrorCode: 13 } e => $"Cannot {doing} the engine database '{path}': the disk is full ({e.Message.TrimEnd('.')}).",
            SqliteException { SqliteErrorCode: 3 or 8 or 14 or 23 } e => $"Cannot {doing} the engine database '{path}': {e.Message.TrimEnd('.')}. Check that the file and its folder can be read and written.",
            SqliteException e => $"Cannot {doing} the engine database '{path}': SQLite error {e.SqliteErrorCode} ({e.Message.TrimEnd('.')}).",
            JsonException e => $"The engine database '{path}' holds a row that cannot be read ({e.Message.TrimEnd('.')}); it is damaged, or was changed by hand. {advice}",
            IOException or UnauthorizedAccessException => $"Cannot {doing} the engine database '{path}': {exception.Message.TrimEnd('.')}.",
            _ => $"Cannot {doing} the engine database '{path}': {exception.GetType().Name}: {exception.Message.TrimEnd('.')}.",
        };
        return new EngineStoreException(message, path, exception);
    }

    private T Read<T>(Func<SqliteConnection, T> query)
    {
        long committed;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_closing, this);
            ThrowIfFaulted();
            committed = _committed;
        }

        if (Volatile.Read(ref _durable) < committed)
        {
            WaitAsync(committed, CancellationToken.None).GetAwaiter().GetResult();
        }

        try
        {
            using var connection = new SqliteConnection(_readConnectionString);
            connection.Open();
            return query(connection);
        }
        catch (Exception exception) when (exception is SqliteException or JsonException)
        {
            throw Describe(exception, _path, "read");
        }
    }

    private async Task WaitAsync(long commit, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task written;
            lock (_gate)
            {
                if (_durable >= commit)
                {
                    return;
                }

                ThrowIfFaulted();
                if (commit > _committed)
                {
                    throw new ArgumentOutOfRangeException(nameof(commit), commit, $"Unit {commit} was not committed (the last is {_committed}).");
                }

                written = _written.Task;
            }

            await written.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private void WriteLoop()
    {
        var spare = new List<SqliteUnit>();
        var sinceCheckpoint = 0;
        while (true)
        {
            List<SqliteUnit> batch;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_closing)
                {
                    Monitor.Wait(_gate);
                }

                if (_queue.Count == 0)
                {
                    return;
                }

                batch = _queue;
                _queue = spare;
            }

            TaskCompletionSource written;
            try
            {
                _writer.Write(batch);
            }
            catch (Exception exception)
            {
                lock (_gate)
                {
                    _fault = Describe(exception, _path, "write");
                    _queue.Clear();
                    written = _written;
                }

                written.TrySetResult();
                return;
            }

            lock (_gate)
            {
                Volatile.Write(ref _durable, batch[^1].Number);
                written = _written;
                _written = NewSignal();
            }

            written.TrySetResult();
            batch.Clear();
            spare = batch;
            if (++sinceCheckpoint == CheckpointEvery)
            {
                sinceCheckpoint = 0;
                _checkpointer.Request();
            }
        }
    }

    private void ThrowIfFaulted()
    {
        if (_fault is { } fault)
        {
            throw new EngineStoreException(fault.Message + $" Units of work after #{_durable} were not stored; the engine cannot go on with this store.", _path, fault.InnerException);
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
