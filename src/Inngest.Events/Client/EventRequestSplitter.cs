namespace Inngest.Events;

/// <summary>Splits a batch into requests by body size (brackets and commas included) and event count.</summary>
internal static class EventRequestSplitter
{
    /// <summary>
    /// Greedily fills requests in order. An event too big for any request body on its own still goes, alone.
    /// </summary>
    public static List<EventRequestRange> Split(SerializedEvents events, int maxRequestBodyBytes, int maxEventsPerRequest)
    {
        var ranges = new List<EventRequestRange>();
        int start = 0;
        int count = 0;
        long bodySize = 2; // "[" and "]"
        for (int i = 0; i < events.Count; i++)
        {
            long added = (count == 0 ? 0 : 1) + (long)events.GetLength(i);
            if (count > 0 && (count == maxEventsPerRequest || bodySize + added > maxRequestBodyBytes))
            {
                ranges.Add(new EventRequestRange(start, count));
                start = i;
                count = 0;
                bodySize = 2;
                added = events.GetLength(i);
            }

            bodySize += added;
            count++;
        }

        if (count > 0)
        {
            ranges.Add(new EventRequestRange(start, count));
        }

        return ranges;
    }
}
