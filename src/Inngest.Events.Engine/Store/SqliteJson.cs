using System.Text.Json;
using System.Text.Json.Serialization;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Store;

/// <summary>
/// The JSON contracts of the rows the SQLite store keeps as documents (source-generated, so no reflection at run time).
/// Enums are written by name, so a reordered enum does not change what a stored row means; nulls are left out.
/// </summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(JsonElement))]
[JsonSerializable(typeof(StoredRun))]
[JsonSerializable(typeof(StoredStep))]
[JsonSerializable(typeof(StoredPending))]
[JsonSerializable(typeof(StoredTimer))]
[JsonSerializable(typeof(StoredDebounce))]
[JsonSerializable(typeof(StoredBatch))]
[JsonSerializable(typeof(StoredApp))]
[JsonSerializable(typeof(CallRecord))]
[JsonSerializable(typeof(RunTimelineEntry))]
[JsonSerializable(typeof(SkippedRun))]
[JsonSerializable(typeof(StepError))]
[JsonSerializable(typeof(SqliteRunEvents))]
[JsonSerializable(typeof(SqliteCall))]
internal sealed partial class SqliteJson : JsonSerializerContext
{
}
