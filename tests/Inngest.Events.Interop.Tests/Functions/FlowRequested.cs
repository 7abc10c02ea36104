namespace Inngest.Events.Interop.Tests.Functions;

/// <summary>The trigger of the flow-control functions (<c>test/flow.requested</c> in serve.mjs): which policy, a key, a number.</summary>
[Event("test/flow.requested")]
public sealed partial record FlowRequested(string Policy, string Key, int N);
