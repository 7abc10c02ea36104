namespace Inngest.Events.Generators.SchemaLock;

/// <summary>One difference between a locked schema and the current one.</summary>
/// <param name="Path">Where in the data, as a JSON path (<c>$.lines[].sku</c>; <c>.*</c> for a dictionary's values).</param>
/// <param name="Breaking">Whether events already sent may no longer read, or consumers lose what they relied on.</param>
/// <param name="What">The change in words.</param>
internal sealed record SchemaChange(string Path, bool Breaking, string What)
{
    public override string ToString() => $"{Path}: {What}";
}
