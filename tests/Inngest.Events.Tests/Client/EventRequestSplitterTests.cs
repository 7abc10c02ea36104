using Xunit;

namespace Inngest.Events.Tests.Client;

public sealed class EventRequestSplitterTests
{
    [Fact]
    public void Counts_brackets_and_commas_in_the_body_size()
    {
        SerializedEvents events = Write(100, 100, 100);

        // [a,b] is 2 + 100 + 1 + 100 bytes.
        Assert.Equal([new EventRequestRange(0, 2), new EventRequestRange(2, 1)], EventRequestSplitter.Split(events, 203, 5000));
        Assert.Equal([new EventRequestRange(0, 1), new EventRequestRange(1, 1), new EventRequestRange(2, 1)], EventRequestSplitter.Split(events, 202, 5000));
        Assert.Equal([new EventRequestRange(0, 3)], EventRequestSplitter.Split(events, 304, 5000));
    }

    [Fact]
    public void Puts_an_event_over_the_body_limit_alone()
    {
        SerializedEvents events = Write(100, 500, 100, 100);

        Assert.Equal(
            [new EventRequestRange(0, 1), new EventRequestRange(1, 1), new EventRequestRange(2, 2)],
            EventRequestSplitter.Split(events, 300, 5000));
    }

    [Fact]
    public void Splits_by_count()
    {
        SerializedEvents events = Write(100, 100, 100, 100, 100);

        Assert.Equal(
            [new EventRequestRange(0, 2), new EventRequestRange(2, 2), new EventRequestRange(4, 1)],
            EventRequestSplitter.Split(events, 1_000_000, 2));
    }

    [Fact]
    public void Joins_a_run_of_events_into_array_elements()
    {
        SerializedEvents events = EventBatchWriter.Write(TestClient.Things(3), int.MaxValue);

        string elements = System.Text.Encoding.UTF8.GetString(events.GetArrayElements(1, 2).Span);

        Assert.Equal(
            """{"name":"test/thing.happened","data":{"thingId":"t1","count":1}},{"name":"test/thing.happened","data":{"thingId":"t2","count":2}}""",
            elements);
    }

    private static SerializedEvents Write(params int[] sizes)
    {
        SerializedEvents events = EventBatchWriter.Write(sizes.Select(size => (InngestEvent)BlobStored.OfSize(size)).ToArray(), int.MaxValue);
        Assert.Equal(sizes, Enumerable.Range(0, events.Count).Select(events.GetLength));
        return events;
    }
}
