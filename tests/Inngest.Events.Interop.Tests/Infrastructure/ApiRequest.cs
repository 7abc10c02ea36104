namespace Inngest.Events.Interop.Tests.Infrastructure;

/// <summary>A request the fake API received.</summary>
internal sealed record ApiRequest(int Index, string Method, string Path, string Query, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string Header(string name) => Headers.TryGetValue(name, out var value) ? value : string.Empty;

    public JsonNode? Json() => JsonNode.Parse(Body);
}
