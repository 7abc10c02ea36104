using Inngest.Events.Engine.Store;

namespace Inngest.Events.Engine.Tests;

/// <summary>
/// <see cref="RestartTests"/> on the SQLite store: a restart closes the store and opens a new one on the same file, so
/// the new engine knows only what the file holds.
/// </summary>
public sealed class SqliteRestartTests : RestartTests, IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private protected override IEngineStore CreateStore() => SqliteEngineStore.Open(_folder.File("inngest.db"), new SqliteStoreOptions());

    private protected override IEngineStore Reopen(IEngineStore store)
    {
        var path = ((SqliteEngineStore)store).Path;
        store.Dispose();
        return SqliteEngineStore.Open(path, new SqliteStoreOptions());
    }
}
