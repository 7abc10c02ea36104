namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>The trigger of the invoked function; invocations carry its data.</summary>
[Event("test/child.requested")]
public sealed partial record ChildRequested(int N);
