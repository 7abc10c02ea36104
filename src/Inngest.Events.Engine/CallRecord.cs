using Inngest.Events.Protocol;

namespace Inngest.Events.Engine;

/// <summary>One call of a function: the request the engine made and the response it interpreted.</summary>
/// <param name="Time">When the call started.</param>
/// <param name="Request">The call request (memoized steps, stack, attempt, flags).</param>
/// <param name="Response">The function's response; a call that threw is recorded as a 500.</param>
public sealed record CallRecord(DateTimeOffset Time, CallRequest Request, CallResponse Response);
