namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>The result of <c>serial-steps</c>.</summary>
public sealed record SerialResult(string Result, string UserId);
