using System.Collections.Concurrent;

namespace Inngest.Events.Testing.Tests.Shop;

/// <summary>A payment gateway that records what it charged.</summary>
public class PaymentGateway
{
    public ConcurrentQueue<ChargeRequest> Charged { get; } = new();

    public virtual Task<Receipt> ChargeAsync(ChargeRequest request)
    {
        Charged.Enqueue(request);
        return Task.FromResult(new Receipt("ch_" + request.OrderId, request.Amount));
    }
}

/// <summary>A gateway whose cards are all declined.</summary>
public sealed class DecliningGateway : PaymentGateway
{
    public override Task<Receipt> ChargeAsync(ChargeRequest request) => throw new InvalidOperationException($"The card for {request.OrderId} was declined.");
}

/// <summary>A warehouse that ships and remembers.</summary>
public sealed class Warehouse
{
    public ConcurrentQueue<string> Shipped { get; } = new();

    public string Ship(string orderId)
    {
        Shipped.Enqueue(orderId);
        return "track-" + orderId;
    }
}

/// <summary>A dependency that never answers: a function awaiting it outside a step cannot settle.</summary>
public sealed class Hanger
{
    public Task Never { get; } = new TaskCompletionSource().Task;
}

/// <summary>Counts what the stock, click, report and failure functions saw.</summary>
public sealed class Counters
{
    private int _syncs;

    public int Syncs => _syncs;

    public ConcurrentQueue<int> BatchSizes { get; } = new();

    public ConcurrentQueue<DateTimeOffset> Reports { get; } = new();

    public ConcurrentQueue<string> Failures { get; } = new();

    public ConcurrentQueue<decimal> Taxes { get; } = new();

    public void Synced() => Interlocked.Increment(ref _syncs);
}
