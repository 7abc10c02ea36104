namespace Inngest.Events.Durability.Tests;

/// <summary>One thing the app saw, in the order it happened (<see cref="Seq"/>), during dev-server incarnation <see cref="Epoch"/>.</summary>
public sealed record LedgerEntry(long Seq, int Epoch, LedgerKind Kind, string Function, string RunId, int Order, string Step, int Attempt, int Value);
