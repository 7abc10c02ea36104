using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace NativeAot;

/// <summary>
/// A stand-in for Inngest's event API on 127.0.0.1 (a free port), small enough to live in the native binary: it reads
/// one HTTP/1.1 request per connection, records it, and answers <c>{"ids":[...],"status":200}</c> with one id per event.
/// </summary>
public sealed class LoopbackEventApi : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stopping = new();
    private readonly List<RecordedRequest> requests = [];
    private readonly Task accepting;

    public LoopbackEventApi()
    {
        listener.Start();
        BaseUrl = new Uri($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");
        accepting = AcceptAsync();
    }

    /// <summary>Where the client should send: <c>{BaseUrl}e/{key}</c>.</summary>
    public Uri BaseUrl { get; }

    /// <summary>The requests received so far, in order.</summary>
    public IReadOnlyList<RecordedRequest> Requests
    {
        get
        {
            lock (requests)
            {
                return [.. requests];
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            using var client = await listener.AcceptTcpClientAsync(stopping.Token);
            await using var stream = client.GetStream();
            await HandleAsync(stream, stopping.Token);
        }
    }

    private async Task HandleAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new List<byte>();
        var chunk = new byte[8192];
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd(buffer)) < 0)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var head = Encoding.ASCII.GetString([.. buffer.GetRange(0, headerEnd)]).Split("\r\n");
        var requestLine = head[0].Split(' ');
        var length = head.Skip(1)
            .Select(line => line.Split(':', 2))
            .Where(parts => parts.Length == 2 && parts[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase))
            .Select(parts => int.Parse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture))
            .FirstOrDefault(-1);
        if (length < 0)
        {
            await WriteAsync(stream, "411 Length Required", """{"error":"a Content-Length is required"}""", cancellationToken);
            return;
        }

        var bodyStart = headerEnd + 4;
        while (buffer.Count < bodyStart + length)
        {
            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return;
            }

            buffer.AddRange(chunk.AsSpan(0, read));
        }

        var body = Encoding.UTF8.GetString([.. buffer.GetRange(bodyStart, length)]);
        int index;
        lock (requests)
        {
            index = requests.Count;
            requests.Add(new RecordedRequest(requestLine[0], requestLine[1], body));
        }

        using var events = JsonDocument.Parse(body);
        var ids = Enumerable.Range(0, events.RootElement.GetArrayLength()).Select(i => $"\"01AOT{index:D3}{i:D3}\"");
        await WriteAsync(stream, "200 OK", $$"""{"ids":[{{string.Join(",", ids)}}],"status":200}""", cancellationToken);
    }

    private static int IndexOfHeaderEnd(List<byte> buffer)
    {
        for (var i = 0; i + 3 < buffer.Count; i++)
        {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n')
            {
                return i;
            }
        }

        return -1;
    }

    private static async Task WriteAsync(NetworkStream stream, string status, string json, CancellationToken cancellationToken)
    {
        var body = Encoding.UTF8.GetBytes(json);
        var head = Encoding.ASCII.GetBytes(
            $"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n");
        await stream.WriteAsync(head, cancellationToken);
        await stream.WriteAsync(body, cancellationToken);
    }
}
