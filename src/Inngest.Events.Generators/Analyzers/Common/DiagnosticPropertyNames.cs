namespace Inngest.Events.Generators.Analyzers.Common;

/// <summary>Keys of <c>Diagnostic.Properties</c> through which the analyzers hand their fixes to the code fix providers.</summary>
internal static class DiagnosticPropertyNames
{
    /// <summary>The event name a rename fix writes in place of the string literal at the diagnostic's location.</summary>
    public const string FixedEventName = "FixedEventName";

    /// <summary>The event slug (<c>invoice-paid</c>) a dedup-id fix puts in front of the id.</summary>
    public const string EventSlug = "EventSlug";

    /// <summary>The name of the function's <c>IStepTools</c> parameter, through which a fix calls a step.</summary>
    public const string StepTools = "StepTools";

    /// <summary>The id of the step a fix creates, unique within the function.</summary>
    public const string StepId = "StepId";

    /// <summary>
    /// How the send fix rewrites a client send: <see cref="ReplaceSend"/> the send itself, or <see cref="ReplaceStep"/> the
    /// <c>step.RunAsync</c> call (the diagnostic's additional location) whose delegate does nothing but the send.
    /// </summary>
    public const string SendFix = "SendFix";

    public const string ReplaceSend = "ReplaceSend";

    public const string ReplaceStep = "ReplaceStep";

    /// <summary>
    /// The first parameter of the client's <c>SendAsync</c> overload that a send calls (<c>data</c>, <c>evt</c> or
    /// <c>events</c>), so the send fix can read the arguments without binding them again.
    /// </summary>
    public const string SendOverload = "SendOverload";

    /// <summary>
    /// The <see cref="SendOverload"/> of a send of <c>new Event&lt;T&gt;(data) { Id = ..., Ts = ..., V = ... }</c>, which the
    /// fix sends as <c>step.SendEventAsync("id", data, new() { Id = ..., Ts = ..., V = ... })</c>.
    /// </summary>
    public const string EnvelopeOverload = "envelope";
}
