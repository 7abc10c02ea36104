using System.Collections.Generic;

namespace Inngest.Events.Generators.SchemaLock;

/// <summary>One event of the lock file: its C# type when locked, its current version and the schema of every version.</summary>
/// <param name="Versions">Version (the event's <c>v</c>, empty when it has none) to the data's JSON Schema.</param>
/// <param name="NameStart">Where the event's name is in the file, for diagnostics about it.</param>
internal sealed record LockedEvent(string Name, string TypeName, string Current, IReadOnlyDictionary<string, LockedSchema> Versions, int NameStart)
{
    /// <summary>The recorded versions, for messages.</summary>
    public string DescribeVersions() => string.Join(", ", VersionOrder.Sort(Versions.Keys).ConvertAll(VersionOrder.Describe));
}
