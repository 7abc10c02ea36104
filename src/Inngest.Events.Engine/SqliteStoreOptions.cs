namespace Inngest.Events.Engine;

/// <summary>Settings of the SQLite store (<see cref="SqliteEngineOptionsExtensions.UseSqlite"/>).</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// Whether each group commit waits for the disk (SQLite's <c>synchronous=FULL</c>): what was committed then survives
    /// a power loss or an operating-system crash too. Off by default (<c>synchronous=NORMAL</c> in WAL mode): everything
    /// committed survives the process being killed, and a power loss may lose the last commits, never leaving a torn
    /// state. Turning it on costs one fsync per group commit (several milliseconds on many disks).
    /// </summary>
    public bool SyncToDisk { get; set; }
}
