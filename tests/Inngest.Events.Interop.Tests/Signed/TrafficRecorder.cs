using System.Collections.Concurrent;
using System.Text;

namespace Inngest.Events.Interop.Tests.Signed;

/// <summary>
/// The engine's HTTP client handler in the signed leg: records every request the engine sends to an app and the app's
/// answer (<see cref="TrafficExchange"/>), and, when armed, tampers with the next call of one function on the way out or
/// with its answer on the way back, so a test can show which side refuses what.
/// </summary>
internal sealed class TrafficRecorder(IReadOnlyList<string> knownKeys, string strangerKey) : DelegatingHandler(new SocketsHttpHandler
{
    AllowAutoRedirect = false,
    AutomaticDecompression = System.Net.DecompressionMethods.All,
})
{
    private readonly ConcurrentQueue<TrafficExchange> _exchanges = new();
    private readonly object _gate = new();
    private (string FunctionId, Tamper Tamper)? _armed;

    /// <summary>Every exchange so far, in the order the answers arrived.</summary>
    public IReadOnlyList<TrafficExchange> Exchanges => _exchanges.ToArray();

    /// <summary>Tampers with the next call of <paramref name="functionId"/> (a composite id) as <paramref name="tamper"/> says.</summary>
    public void Arm(string functionId, Tamper tamper)
    {
        lock (_gate)
        {
            _armed = (functionId, tamper);
        }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var callBody = request.Content is null ? [] : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var tamper = Take(request.RequestUri!);
        var sent = Header(request.Headers, InngestHeaders.Signature);
        if (tamper is Tamper.UnsignedCall or Tamper.WrongKeyCall)
        {
            request.Headers.Remove(InngestHeaders.Signature);
            if (tamper == Tamper.WrongKeyCall)
            {
                request.Headers.TryAddWithoutValidation(InngestHeaders.Signature, Resign(sent, callBody, strangerKey, TimeSpan.Zero));
            }
        }

        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        var streamed = status == 201 ? JsonNode.Parse(Encoding.UTF8.GetString(body).TrimStart())!.AsObject() : null;
        var (answerStatus, answerSignature, answerBody) = streamed is null
            ? (status, Header(response.Headers, InngestHeaders.Signature), body)
            : (streamed["status"]!.GetValue<int>(), InnerSignature(streamed), Encoding.UTF8.GetBytes(streamed["body"]?.GetValue<string>() ?? string.Empty));

        _exchanges.Enqueue(new TrafficExchange(
            request.Method.Method,
            request.RequestUri!,
            Header(request.Headers, InngestHeaders.RunId),
            Header(request.Headers, InngestHeaders.ServerKind),
            Header(request.Headers, InngestHeaders.Signature),
            callBody,
            status,
            answerStatus,
            answerSignature,
            answerBody,
            tamper));

        if (tamper is Tamper.None or Tamper.UnsignedCall or Tamper.WrongKeyCall)
        {
            return Replace(response, body);
        }

        var (signature, forged) = tamper switch
        {
            Tamper.UnsignedAnswer => (null, answerBody),
            Tamper.WrongKeyAnswer => (Resign(answerSignature, answerBody, strangerKey, TimeSpan.Zero), answerBody),
            Tamper.StaleAnswer => (Resign(answerSignature, answerBody, KeyThatSigned(answerSignature, answerBody), TimeSpan.FromMinutes(-10)), answerBody),
            _ => (answerSignature, Encoding.UTF8.GetBytes("{\"forged\":" + Encoding.UTF8.GetString(answerBody) + "}")),
        };

        if (streamed is null)
        {
            response.Headers.Remove(InngestHeaders.Signature);
            if (signature is not null)
            {
                response.Headers.TryAddWithoutValidation(InngestHeaders.Signature, signature);
            }

            return Replace(response, forged);
        }

        var headers = streamed["headers"]!.AsObject();
        foreach (var name in headers.Select(h => h.Key).Where(IsSignature).ToArray())
        {
            headers.Remove(name);
        }

        if (signature is not null)
        {
            headers[InngestHeaders.Signature] = signature;
        }

        streamed["body"] = Encoding.UTF8.GetString(forged);
        return Replace(response, Encoding.UTF8.GetBytes(streamed.ToJsonString()));
    }

    private Tamper Take(Uri url)
    {
        lock (_gate)
        {
            if (_armed is { } armed && System.Web.HttpUtility.ParseQueryString(url.Query)["fnId"] == armed.FunctionId)
            {
                _armed = null;
                return armed.Tamper;
            }

            return Tamper.None;
        }
    }

    /// <summary>A signature over <paramref name="body"/> with <paramref name="key"/>, dated <paramref name="shift"/> from the original's time.</summary>
    private static string Resign(string? original, byte[] body, string key, TimeSpan shift)
    {
        Assert.True(RequestSignature.TryParse(original, out var parsed), $"There is no signature to tamper with: '{original}'.");
        return RequestSignature.CreateHeader(body, key, DateTimeOffset.FromUnixTimeSeconds(parsed.Timestamp).Add(shift));
    }

    private string KeyThatSigned(string? signature, byte[] body)
    {
        Assert.True(RequestSignature.TryParse(signature, out var parsed), $"The answer is not signed: '{signature}'.");
        return knownKeys.FirstOrDefault(key => parsed.Matches(body, key))
            ?? throw new InvalidOperationException("The answer is signed with none of the rig's keys.");
    }

    private static string? InnerSignature(JsonObject streamed)
        => streamed["headers"] is JsonObject headers ? headers.FirstOrDefault(h => IsSignature(h.Key)).Value?.GetValue<string>() : null;

    private static bool IsSignature(string name) => string.Equals(name, InngestHeaders.Signature, StringComparison.OrdinalIgnoreCase);

    private static string? Header(System.Net.Http.Headers.HttpHeaders headers, string name)
        => headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    /// <summary>The response with <paramref name="body"/> as its content (the original was read to record it).</summary>
    private static HttpResponseMessage Replace(HttpResponseMessage response, byte[] body)
    {
        var content = new ByteArrayContent(body);
        foreach (var header in response.Content.Headers.Where(h => !h.Key.Equals("Content-Length", StringComparison.OrdinalIgnoreCase)))
        {
            content.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content.Dispose();
        response.Content = content;
        return response;
    }

    internal static string Describe(IEnumerable<TrafficExchange> exchanges)
        => string.Join('\n', exchanges.Select(e => e.ToString()));
}
