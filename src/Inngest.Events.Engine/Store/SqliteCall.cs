namespace Inngest.Events.Engine.Store;

/// <summary>
/// A call of a run as the SQLite store keeps it. A request shows the function the run's triggering events and the memos
/// of the run's stack; the store keeps those once (with the run and its steps) and, where the request carries exactly
/// them, leaves them out of the call's row and puts them back when it reads the run.
/// </summary>
/// <param name="Call">The call, its request without what the flags say was left out.</param>
/// <param name="RunEvents">The request's <c>event</c> and <c>events</c> are the run's.</param>
/// <param name="StackMemos">The request's <c>steps</c> are the memos of the steps in its <c>ctx.stack</c>.</param>
internal sealed record SqliteCall(CallRecord Call, bool RunEvents, bool StackMemos);
