using System.Text;

namespace Inngest.Events.Interop.Tests.Executor;

/// <summary>An SDK's answer to one call request, as Inngest sees it: status, the headers it acts on, the body.</summary>
internal sealed record SdkResponse(int Status, IReadOnlyDictionary<string, string> Headers, byte[] Body)
{
    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary><c>X-Inngest-No-Retry</c>, if sent.</summary>
    public string? NoRetry => Header("x-inngest-no-retry");

    /// <summary><c>Retry-After</c>, if sent.</summary>
    public string? RetryAfter => Header("retry-after");

    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>The ops of a 206 body, as sent (for comparison) and as our protocol model reads them (to act on).</summary>
    public IReadOnlyList<(JsonObject Raw, StepOp Op)> Ops()
    {
        if (Status != 206)
        {
            return [];
        }

        using var document = JsonDocument.Parse(Body);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new InvalidOperationException($"A 206 body must be an array of ops, got: {Text}");
        }

        return document.RootElement.EnumerateArray()
            .Select(element => (JsonNode.Parse(element.GetRawText())!.AsObject(), StepOp.Parse(element)))
            .ToArray();
    }
}
