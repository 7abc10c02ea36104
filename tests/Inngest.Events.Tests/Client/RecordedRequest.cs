using System.Text;
using System.Text.Json;

namespace Inngest.Events.Tests.Client;

/// <summary>One request the fake event API received.</summary>
internal sealed class RecordedRequest(int index, string method, string path, IReadOnlyDictionary<string, string> headers, byte[] body)
{
    /// <summary>The position of the request in arrival order, from 0.</summary>
    public int Index { get; } = index;

    public string Method { get; } = method;

    public string Path { get; } = path;

    public IReadOnlyDictionary<string, string> Headers { get; } = headers;

    public byte[] Body { get; } = body;

    public string BodyText => Encoding.UTF8.GetString(Body);

    /// <summary>The event objects of the JSON array body.</summary>
    public IReadOnlyList<JsonElement> Events
    {
        get
        {
            using JsonDocument document = JsonDocument.Parse(Body);
            return document.RootElement.EnumerateArray().Select(e => e.Clone()).ToArray();
        }
    }

    public string? Header(string name) => Headers.TryGetValue(name, out string? value) ? value : null;

    public string Seed => Header("x-inngest-event-id-seed") ?? throw new InvalidOperationException("The request has no seed header.");
}
