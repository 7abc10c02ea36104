using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Inngest.Events.Durability.Tests.Infrastructure;

/// <summary>
/// Sends events to the dev server's event API as an Inngest client does: each request carries an
/// <c>x-inngest-event-id-seed</c>, and a request that fails (the server was killed, or is starting again) is sent again
/// with the same seed until it is accepted, so an event the server had already stored is not stored twice.
/// </summary>
internal sealed class EventSender(HttpClient http, Func<Uri> server, Random random)
{
    private readonly object _gate = new();
    private int _retries;

    /// <summary>How many requests had to be sent again.</summary>
    public int Retries => Volatile.Read(ref _retries);

    public async Task<IReadOnlyList<string>> SendAsync(IReadOnlyList<JsonObject> events, CancellationToken cancellationToken)
    {
        string seed;
        lock (_gate)
        {
            var entropy = new byte[10];
            random.NextBytes(entropy);
            seed = $"{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()},{Convert.ToBase64String(entropy)}";
        }

        var body = new JsonArray(events.Select(e => (JsonNode)e.DeepClone()).ToArray()).ToJsonString();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                using var content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(server(), "e/crash-test")) { Content = content };
                request.Headers.Add("x-inngest-event-id-seed", seed);
                using var response = await http.SendAsync(request, cancellationToken);
                var text = await response.Content.ReadAsStringAsync(cancellationToken);
                if (response.IsSuccessStatusCode)
                {
                    return JsonNode.Parse(text)!["ids"]!.AsArray().Select(id => (string)id!).ToArray();
                }

                if ((int)response.StatusCode is >= 400 and < 500)
                {
                    throw new InvalidOperationException($"The event API refused the events ({(int)response.StatusCode}): {text}");
                }
            }
            catch (HttpRequestException)
            {
                // The server is down (killed) or not up yet: send the same request again.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The request timed out while the server was being killed.
            }

            Interlocked.Increment(ref _retries);
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }
}
