using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine;

/// <summary>Chooses where the engine keeps its state.</summary>
public static class SqliteEngineOptionsExtensions
{
    /// <summary>
    /// Keeps the engine's state in the SQLite database <paramref name="path"/> (created if missing; a relative path is
    /// relative to the current directory), so a restarted engine carries on every run where it was: sleeps fire at their
    /// time (at once if overdue), waits still match, retries keep their attempt counts, dedup still holds. One engine
    /// uses a file at a time. See docs/engine.md ("The SQLite store").
    /// </summary>
    /// <param name="options">The engine's options.</param>
    /// <param name="path">The database file, e.g. <c>inngest.db</c>.</param>
    /// <param name="configure">Sets <see cref="SqliteStoreOptions"/>.</param>
    /// <returns>The same options.</returns>
    /// <remarks>
    /// The file is opened when the engine is created, which throws <see cref="EngineStoreException"/> when it cannot
    /// be used: in use by another engine, not an engine database, written by a newer version, corrupt or unreadable.
    /// </remarks>
    public static InngestEngineOptions UseSqlite(this InngestEngineOptions options, string path, Action<SqliteStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var storeOptions = new SqliteStoreOptions();
        configure?.Invoke(storeOptions);
        options.StoreFactory = () => SqliteEngineStore.Open(path, storeOptions);
        return options;
    }

    /// <summary>Keeps the engine's state in memory, lost when the process ends: the default.</summary>
    /// <param name="options">The engine's options.</param>
    /// <returns>The same options.</returns>
    public static InngestEngineOptions UseInMemoryStore(this InngestEngineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.StoreFactory = null;
        return options;
    }
}
