using System.Buffers;

namespace Inngest.Events;

/// <summary>
/// A validated batch of events, each serialized once to its UTF-8 JSON event object
/// (<c>{"name":..,"data":{..},"id":..,"ts":..,"v":..}</c>), as handed to an <see cref="IEventTransport"/>.
/// </summary>
/// <remarks>
/// The events are stored back to back, separated by commas, in one buffer, so any run of consecutive events is
/// already the inside of a JSON array. The memory is valid only while the transport's send is running; copy it to keep it.
/// </remarks>
public sealed class SerializedEvents
{
    private readonly ArrayBufferWriter<byte> buffer;
    private readonly string[] names;
    private readonly int[] starts;
    private readonly int[] lengths;

    internal SerializedEvents(ArrayBufferWriter<byte> buffer, string[] names, int[] starts, int[] lengths)
    {
        this.buffer = buffer;
        this.names = names;
        this.starts = starts;
        this.lengths = lengths;
    }

    /// <summary>The number of events.</summary>
    public int Count => names.Length;

    /// <summary>The name of the event at <paramref name="index"/>.</summary>
    /// <param name="index">The event's position in the send call.</param>
    public string GetName(int index) => names[index];

    /// <summary>The UTF-8 JSON object of the event at <paramref name="index"/>.</summary>
    /// <param name="index">The event's position in the send call.</param>
    public ReadOnlyMemory<byte> GetJson(int index) => buffer.WrittenMemory.Slice(starts[index], lengths[index]);

    /// <summary>The size in bytes of the event at <paramref name="index"/>.</summary>
    internal int GetLength(int index) => lengths[index];

    /// <summary>The events <paramref name="start"/> to <c>start + count - 1</c> joined with commas: a JSON array without its brackets.</summary>
    internal ReadOnlyMemory<byte> GetArrayElements(int start, int count)
    {
        int last = start + count - 1;
        int end = starts[last] + lengths[last];
        return buffer.WrittenMemory[starts[start]..end];
    }
}
