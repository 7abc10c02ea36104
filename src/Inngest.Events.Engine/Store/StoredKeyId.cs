namespace Inngest.Events.Engine.Store;

/// <summary>Identifies a key: its kind, its scope (a function's composite id, or empty) and the key itself.</summary>
internal readonly record struct StoredKeyId(KeyKind Kind, string Scope, string Key);
