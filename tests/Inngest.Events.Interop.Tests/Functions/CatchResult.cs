namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>The result of <c>fail-and-catch</c>.</summary>
public sealed record CatchResult(string Outcome, string Refund);
