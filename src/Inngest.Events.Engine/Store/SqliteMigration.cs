namespace Inngest.Events.Engine.Store;

/// <summary>One step of the SQLite store's schema history: the statements that take a database to <paramref name="Version"/>.</summary>
internal sealed record SqliteMigration(int Version, string Sql);
