using System.Net;
using System.Net.Http.Headers;

namespace Inngest.Events;

/// <summary>
/// A request body <c>[e1,e2,..]</c> written straight from the serialized batch without copying it. It can be written
/// any number of times, so a retry resends exactly the same bytes.
/// </summary>
internal sealed class JsonArrayContent : HttpContent
{
    private static readonly byte[] Open = "["u8.ToArray();
    private static readonly byte[] Close = "]"u8.ToArray();

    private readonly ReadOnlyMemory<byte> elements;

    public JsonArrayContent(ReadOnlyMemory<byte> elements)
    {
        this.elements = elements;
        Headers.ContentType = new MediaTypeHeaderValue("application/json");
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await stream.WriteAsync(Open, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(elements, cancellationToken).ConfigureAwait(false);
        await stream.WriteAsync(Close, cancellationToken).ConfigureAwait(false);
    }

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        stream.Write(Open);
        stream.Write(elements.Span);
        stream.Write(Close);
    }

    protected override bool TryComputeLength(out long length)
    {
        length = elements.Length + 2L;
        return true;
    }
}
