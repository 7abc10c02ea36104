using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Inngest.Events.Engine.Store;

/// <summary>
/// The SQLite store's schema and its history. The file says what it is with <c>PRAGMA application_id</c> and which
/// schema it has with <c>PRAGMA user_version</c>; opening a file runs the migrations it lacks, in order, each in its own
/// transaction, and refuses a file whose schema is newer than this code knows.
/// </summary>
internal static class SqliteSchema
{
    /// <summary><c>PRAGMA application_id</c> of an engine database: "INNG" in ASCII.</summary>
    public const int ApplicationId = 0x494E4E47;

    /// <summary>The schema history: migration <c>n</c> takes a database from version <c>n - 1</c> to <c>n</c>.</summary>
    public static IReadOnlyList<SqliteMigration> Migrations { get; } =
    [
        new(1, """
            CREATE TABLE counters (
                id INTEGER PRIMARY KEY CHECK (id = 1),
                events INTEGER NOT NULL,
                timers INTEGER NOT NULL,
                tokens INTEGER NOT NULL,
                app_syncs INTEGER NOT NULL);
            CREATE TABLE events (
                seq INTEGER PRIMARY KEY,
                internal_id TEXT NOT NULL,
                name TEXT NOT NULL,
                event_id TEXT NOT NULL,
                received_at INTEGER NOT NULL,
                payload BLOB NOT NULL);
            CREATE INDEX events_internal_id ON events (internal_id);
            CREATE TABLE runs (
                seq INTEGER PRIMARY KEY,
                run_id TEXT NOT NULL UNIQUE,
                status TEXT NOT NULL,
                ended INTEGER NOT NULL,
                data BLOB NOT NULL,
                events BLOB NOT NULL);
            CREATE INDEX runs_unfinished ON runs (seq) WHERE ended = 0;
            CREATE TABLE steps (
                run_id TEXT NOT NULL,
                hash TEXT NOT NULL,
                ord INTEGER NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (run_id, hash)) WITHOUT ROWID;
            CREATE TABLE calls (
                seq INTEGER PRIMARY KEY,
                run_id TEXT NOT NULL,
                data BLOB NOT NULL);
            CREATE INDEX calls_run ON calls (run_id);
            CREATE TABLE timeline (
                seq INTEGER PRIMARY KEY,
                run_id TEXT NOT NULL,
                data BLOB NOT NULL);
            CREATE INDEX timeline_run ON timeline (run_id);
            CREATE TABLE skipped (
                seq INTEGER PRIMARY KEY,
                data BLOB NOT NULL);
            CREATE TABLE pending (
                run_id TEXT NOT NULL,
                hash TEXT NOT NULL,
                data BLOB NOT NULL,
                PRIMARY KEY (run_id, hash)) WITHOUT ROWID;
            CREATE TABLE timers (
                id INTEGER PRIMARY KEY,
                data BLOB NOT NULL);
            CREATE TABLE keys (
                kind TEXT NOT NULL,
                scope TEXT NOT NULL,
                key TEXT NOT NULL,
                at INTEGER NOT NULL,
                expires_at INTEGER NOT NULL,
                value INTEGER NOT NULL,
                PRIMARY KEY (kind, scope, key)) WITHOUT ROWID;
            CREATE TABLE debounces (
                id TEXT PRIMARY KEY,
                data BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE batches (
                id TEXT PRIMARY KEY,
                data BLOB NOT NULL) WITHOUT ROWID;
            CREATE TABLE apps (
                seq INTEGER PRIMARY KEY,
                app_id TEXT NOT NULL UNIQUE,
                data BLOB NOT NULL);
            """),
    ];

    /// <summary>
    /// Brings the database on <paramref name="connection"/> to the last version of <paramref name="migrations"/>: creates
    /// the schema in an empty file, runs the missing migrations of an older one, and refuses a file that is not an
    /// engine database or whose schema is newer.
    /// </summary>
    /// <returns>The version the database had when it was opened (0 for a new file).</returns>
    /// <exception cref="EngineStoreException">The file is not an engine database, or a newer version of the engine wrote it.</exception>
    public static int Migrate(SqliteConnection connection, string path, IReadOnlyList<SqliteMigration> migrations)
    {
        var current = migrations[^1].Version;
        var applicationId = Convert.ToInt64(Scalar(connection, "PRAGMA application_id"), CultureInfo.InvariantCulture);
        var version = Convert.ToInt32(Scalar(connection, "PRAGMA user_version"), CultureInfo.InvariantCulture);
        var tables = Convert.ToInt64(Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"), CultureInfo.InvariantCulture);
        var empty = applicationId == 0 && version == 0 && tables == 0;
        if (!empty && applicationId != ApplicationId)
        {
            throw new EngineStoreException(
                $"The file '{path}' is a SQLite database, but not one an Inngest engine wrote (its application_id is {applicationId}, not {ApplicationId}, "
                + $"and it has {tables} table(s)). Give the engine a file of its own, or delete this one if it is not needed.",
                path);
        }

        if (version > current)
        {
            throw new EngineStoreException(
                $"The engine database '{path}' has schema version {version}, written by a newer version of Inngest.Events.Engine; this version "
                + $"reads schema versions up to {current}. Use the newer version of the engine with it, or give this engine another file "
                + "(or delete this one, with its -wal and -shm files, to start empty).",
                path);
        }

        foreach (var migration in migrations)
        {
            if (migration.Version <= version)
            {
                continue;
            }

            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, migration.Sql);
            Execute(connection, transaction, $"PRAGMA application_id = {ApplicationId}; PRAGMA user_version = {migration.Version};");
            transaction.Commit();
        }

        return version;
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
