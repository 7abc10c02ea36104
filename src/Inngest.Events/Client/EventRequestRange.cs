namespace Inngest.Events;

/// <summary>The events <see cref="Start"/> to <c>Start + Count - 1</c> of a send call, sent as one request body.</summary>
internal readonly record struct EventRequestRange(int Start, int Count)
{
    public int End => Start + Count;
}
