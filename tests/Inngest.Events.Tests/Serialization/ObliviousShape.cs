#nullable disable

namespace Inngest.Events.Tests.Serialization;

/// <summary>
/// An event declared where nullable reference types are disabled: every reference member is null-oblivious, and the
/// generated code (which enables nullable annotations) must still compile warning-free and accept nulls everywhere.
/// </summary>
[Event("test/oblivious.sent")]
public partial class ObliviousEvent
{
    public string Name { get; set; }
    public List<string> Items { get; set; }
    public Dictionary<string, ObliviousPart> Parts { get; set; }
    public ObliviousPart Main { get; set; }
    public int[] Numbers { get; set; }
}

/// <summary>A null-oblivious record.</summary>
public sealed record ObliviousPart(string Label, List<ObliviousPart> Children);
