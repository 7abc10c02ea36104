using Inngest.Events.Engine;

namespace Inngest.Events.Benchmarks;

/// <summary>The stores table 6 runs on: in memory (the default) and SQLite on a fresh file.</summary>
public static class EngineStores
{
    public const string Memory = "memory";

    public const string Sqlite = "sqlite";

    internal static InngestEngineOptions Options(string store, BenchmarkFolder folder, InngestEngineOptions options) => store switch
    {
        Memory => options,
        Sqlite => options.UseSqlite(Path.Combine(folder.Path, "inngest.db")),
        _ => throw new ArgumentException($"Unknown store '{store}'; use '{Memory}' or '{Sqlite}'.", nameof(store)),
    };
}
