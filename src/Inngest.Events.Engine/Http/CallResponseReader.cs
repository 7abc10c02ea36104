using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Http;

/// <summary>
/// Reads an app's HTTP answer to a call request as Inngest does (docs/protocol.md#call-responses): 200 with the result,
/// 206 with an array of ops (or one legacy op object), 4xx/5xx with an error; <c>X-Inngest-No-Retry</c> and
/// <c>Retry-After</c>; a streamed 201 whose last value is the real answer. A 2xx without <c>X-Inngest-SDK</c> is not from an SDK, and fails the attempt;
/// so does, in cloud mode, an answer without a valid signature.
/// </summary>
internal static class CallResponseReader
{
    public const string SdkHeader = InngestHeaders.Sdk;
    public const string NoRetryHeader = InngestHeaders.NoRetry;
    public const string RetryAfterHeader = InngestHeaders.RetryAfter;

    /// <param name="status">The HTTP status.</param>
    /// <param name="headers">The response headers.</param>
    /// <param name="body">The response body.</param>
    /// <param name="check">
    /// In cloud mode, the signature the answer must carry (for a streamed answer, inside its final value); an answer
    /// that fails it is a failed, retriable attempt, whatever it says.
    /// </param>
    public static CallResponse Read(int status, HttpResponseHeaders headers, ReadOnlySpan<byte> body, ResponseSignatureCheck? check = null)
        => Read(status, name => Header(headers, name), body, check);

    private static CallResponse Read(int status, Func<string, string?> header, ReadOnlySpan<byte> body, ResponseSignatureCheck? check)
    {
        if (check is not null && status != 201 && check.Problem(header(InngestHeaders.Signature), body) is { } problem)
        {
            return Unverified(status, body, problem);
        }

        var noRetry = header(NoRetryHeader) switch
        {
            { } value when value.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
            { } value when value.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
            _ => (bool?)null,
        };
        var retryAfter = header(RetryAfterHeader);
        var fromSdk = header(SdkHeader) is { Length: > 0 };

        if (status is >= 200 and < 300 && !fromSdk)
        {
            return Retriable(status, "NotFromSdkError",
                $"The app answered {Describe(status)} without an {SdkHeader} header, so the answer is not from an Inngest SDK (a proxy or a different route?).", retryAfter);
        }

        switch (status)
        {
            case 200:
                return TryParse(body, out var result) ? CallResponse.Completed(result) : Retriable(status, "InvalidResponseError", "The app answered 200 with a body that is not JSON.", retryAfter);
            case 206:
                return ReadOps(body, noRetry, retryAfter);
            case 201:
                return ReadStreamed(body, header, check);
            case >= 200 and < 300:
                return Retriable(status, "UnsupportedResponseError", $"The app answered {Describe(status)}; the engine understands 200, 206 and streamed (201) answers.", retryAfter);
            case < 400:
                return Retriable(status, "UnexpectedResponseError", $"The app answered {Describe(status)}; serve URLs must not redirect.", retryAfter);
            default:
                // Without X-Inngest-No-Retry, Inngest retries 4xx and 5xx alike.
                return new CallResponse { StatusCode = status, Error = ReadError(status, body), NoRetry = noRetry ?? false, RetryAfter = retryAfter };
        }
    }

    /// <summary>
    /// A streamed answer (docs/protocol.md#call-responses, <c>INNGEST_STREAMING</c>): 201 at once, keep-alive spaces while
    /// the function runs, then <c>{"status": n, "headers": {...}, "body": "..."}</c> — the real answer, whose body is a
    /// string of JSON (the JS SDK's shape) or, leniently, the JSON itself.
    /// </summary>
    private static CallResponse ReadStreamed(ReadOnlySpan<byte> body, Func<string, string?> outerHeader, ResponseSignatureCheck? check)
    {
        if (!TryParse(body, out var root) || root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("status", out var statusElement) || !statusElement.TryGetInt32(out var status) || status == 201)
        {
            return Retriable(201, "InvalidResponseError", "The app streamed an answer that does not end in {\"status\", \"headers\", \"body\"}.", outerHeader(RetryAfterHeader));
        }

        var inner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (root.TryGetProperty("headers", out var headers) && headers.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in headers.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.String)
                {
                    inner[property.Name] = property.Value.GetString()!;
                }
            }
        }

        byte[] innerBody = root.TryGetProperty("body", out var bodyElement)
            ? bodyElement.ValueKind switch
            {
                JsonValueKind.String => Encoding.UTF8.GetBytes(bodyElement.GetString()!),
                JsonValueKind.Undefined or JsonValueKind.Null => [],
                _ => Encoding.UTF8.GetBytes(bodyElement.GetRawText()),
            }
            : [];

        // The inner headers describe the real answer; the SDK header was on the 201 itself. The signature can only be
        // inside: the 201's headers were sent before the answer existed.
        return Read(
            status,
            name => inner.TryGetValue(name, out var value) ? value : name == InngestHeaders.Signature ? null : outerHeader(name),
            innerBody,
            check);
    }

    private static CallResponse ReadOps(ReadOnlySpan<byte> body, bool? noRetry, string? retryAfter)
    {
        if (!TryParse(body, out var root) || root.ValueKind is not (JsonValueKind.Array or JsonValueKind.Object))
        {
            return Retriable(206, "InvalidResponseError", "The app answered 206 without a JSON array of ops.", retryAfter);
        }

        try
        {
            var ops = root.ValueKind == JsonValueKind.Array
                ? root.EnumerateArray().Select(StepOp.Parse).ToArray()
                : [StepOp.Parse(root)];
            return CallResponse.WithOps(ops, noRetry, retryAfter);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException)
        {
            return Retriable(206, "InvalidResponseError", "The app answered 206 with an invalid op: " + exception.Message, retryAfter);
        }
    }

    /// <summary>An error body: <c>{"name","message","stack"}</c>, or <c>{"error": ".."}</c> (the JS SDK's step-not-found and internal errors), or text.</summary>
    private static StepError ReadError(int status, ReadOnlySpan<byte> body)
    {
        if (TryParse(body, out var root) && root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("message", out _) || root.TryGetProperty("name", out _))
            {
                return StepError.Parse(root);
            }

            if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String)
            {
                return new StepError("Error", error.GetString()!);
            }
        }

        var text = Encoding.UTF8.GetString(body).Trim();
        return new StepError("Error", text.Length == 0
            ? $"The app answered {Describe(status)} without a body."
            : $"The app answered {Describe(status)}: {text[..Math.Min(500, text.Length)]}");
    }

    /// <summary>An answer that failed the cloud-mode signature check: a failed attempt, retried, with what the app said for the logs.</summary>
    private static CallResponse Unverified(int status, ReadOnlySpan<byte> body, string problem)
    {
        var said = status >= 400 ? $" ({ReadError(status, body).Message})" : string.Empty;
        var hint = status == 401
            ? " The app refused the engine's call: do the engine and the app share a signing key, or the app's fallback key?"
            : string.Empty;
        return Retriable(status, "ResponseSignatureError", $"The app's answer{said} is not signed as a cloud-mode server requires: {problem}.{hint}", null);
    }

    private static CallResponse Retriable(int status, string name, string message, string? retryAfter)
        => new() { StatusCode = 500, Error = new StepError(name, message + $" (HTTP {status.ToString(CultureInfo.InvariantCulture)})"), NoRetry = false, RetryAfter = retryAfter };

    private static bool TryParse(ReadOnlySpan<byte> body, out JsonElement element)
    {
        if (body.IsEmpty)
        {
            // An empty 200 body is the function returning nothing.
            element = JsonDocument.Parse("null").RootElement.Clone();
            return true;
        }

        try
        {
            var reader = new Utf8JsonReader(body);
            using var document = JsonDocument.ParseValue(ref reader);
            element = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            element = default;
            return false;
        }
    }

    private static string? Header(HttpResponseHeaders headers, string name)
        => headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    private static string Describe(int status) => status.ToString(CultureInfo.InvariantCulture);
}
