using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.Scheduling;

/// <summary>A call taken from the queue, with its request built under the lock, to run outside it.</summary>
internal readonly record struct StartedCall(CallWork Call, CallRequest Request, DateTimeOffset StartedAt);
