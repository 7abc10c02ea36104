namespace Inngest.Events.AspNetCore.Tests.Infrastructure;

internal static class ResponseAssert
{
    /// <summary>Every response of the endpoint names the SDK and the execution version.</summary>
    public static void HasProtocolHeaders(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("X-Inngest-SDK", out var sdk), "X-Inngest-SDK is missing");
        Assert.Matches(@"^dotnet:v\d+\.\d+\.\d+", Assert.Single(sdk));
        Assert.True(response.Headers.TryGetValues("X-Inngest-Req-Version", out var version), "X-Inngest-Req-Version is missing");
        Assert.Equal("2", Assert.Single(version));
    }

    public static string? Header(HttpResponseMessage response, string name)
        => response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
        => JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync()).RootElement.Clone();

    public static IReadOnlyList<string> PropertyNames(JsonElement element) => element.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal).ToArray();
}
