using System.Text.Json.Serialization;
using Inngest.Events;

/// <summary>An event in the global namespace (a differential-test shape).</summary>
[Event("test/global.sent")]
public partial record GlobalNamespaceEvent(string Id, int Count)
{
    [JsonPropertyName("extra_info")]
    public string? ExtraInfo { get; init; }

    public GlobalNamespaceDetail? Detail { get; init; }
}

/// <summary>A nested type in the global namespace.</summary>
public sealed record GlobalNamespaceDetail(bool On, double[] Values);
