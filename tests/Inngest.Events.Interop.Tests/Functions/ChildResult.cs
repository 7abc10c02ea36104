namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>The result of <c>invoke-child</c>.</summary>
public sealed record ChildResult(int Doubled);
