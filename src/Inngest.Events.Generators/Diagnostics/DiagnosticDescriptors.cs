using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Diagnostics;

/// <summary>The catalogue of every diagnostic this package reports.</summary>
internal static class DiagnosticDescriptors
{
    public const string Category = "Inngest.Events";
    /// <summary>The category of the expression and duration rules (INNG4xxx).</summary>
    public const string ExpressionsCategory = "Inngest.Events.Expressions";
    public const string HelpLinkBase = "https://github.com/inngest-events/inngest-events-dotnet/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor EventTypeNotPartial = Create(
        DiagnosticIds.EventTypeNotPartial,
        "Event types must be partial",
        "The type '{0}' must be declared partial so that Inngest.Events can generate its event members and JSON serializer{1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EventTypeGeneric = Create(
        DiagnosticIds.EventTypeGeneric,
        "Event types cannot be generic",
        "The event type '{0}' is generic (or nested in a generic type); an event name maps to one concrete data shape, so declare a non-generic type per event",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnsupportedMemberType = Create(
        DiagnosticIds.UnsupportedMemberType,
        "Member type not supported by the generated serializer",
        "The property '{0}' of '{1}' has the type '{2}', which the generated JSON serializer cannot handle ({3}); use a supported type, or put [JsonConverter(typeof(...))] on the property or the type",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor UnhonouredJsonAttribute = Create(
        DiagnosticIds.UnhonouredJsonAttribute,
        "System.Text.Json attribute not honoured by the generated serializer",
        "{0} has [{1}], which the generated JSON serializer does not honour ({2}); remove the attribute, or put [JsonConverter(typeof(...))] on the {3} to read and write it your way",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor IdTemplateUnknownPlaceholder = Create(
        DiagnosticIds.IdTemplateUnknownPlaceholder,
        "Id template placeholder is not a property",
        "The Id template \"{0}\" of the event type '{1}' uses the placeholder '{{{2}}}', but '{1}' has no readable property named '{2}'{3}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor IdTemplateMalformed = Create(
        DiagnosticIds.IdTemplateMalformed,
        "Id template is malformed",
        "The Id template \"{0}\" of the event type '{1}' is malformed: {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ResultTypeNotSerializable = Create(
        DiagnosticIds.ResultTypeNotSerializable,
        "Step or function result type not serializable",
        "The result type '{0}' of {1} cannot be serialized by the generated JSON code: {2}; return a class or record with public properties, an array, List<T>, Dictionary<string, T>, an [Event] type or a framework primitive",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FunctionTriggerMissing = Create(
        DiagnosticIds.FunctionTriggerMissing,
        "Function needs exactly one event parameter or a trigger attribute",
        "The function '{0}' {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FunctionParameterNotSupported = Create(
        DiagnosticIds.FunctionParameterNotSupported,
        "Function parameter type not supported",
        "The parameter '{0}' of the function '{1}' {2}; a function takes Event<T> (or IReadOnlyList<Event<T>> or Event<T>[] for a batch), IStepTools, FunctionContext and CancellationToken",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FunctionReturnTypeNotSupported = Create(
        DiagnosticIds.FunctionReturnTypeNotSupported,
        "Function return type not supported",
        "The function '{0}' returns '{1}'; a function returns Task, Task<T>, ValueTask or ValueTask<T>",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FunctionGeneric = Create(
        DiagnosticIds.FunctionGeneric,
        "Function methods cannot be generic",
        "The function '{0}' is a generic method or is declared in a generic type; the generated handler must call one concrete method",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FunctionNotAccessible = Create(
        DiagnosticIds.FunctionNotAccessible,
        "Function method cannot be called by generated code",
        "The function '{0}' cannot be called by the generated handler: {1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor OnFailureHandlerInvalid = Create(
        DiagnosticIds.OnFailureHandlerInvalid,
        "OnFailure handler not found or not usable",
        "The OnFailure handler '{0}' of the function '{1}' {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FunctionIdDuplicate = Create(
        DiagnosticIds.FunctionIdDuplicate,
        "Function id used more than once",
        "The function id '{0}' is used {1} times in this assembly; function ids must be unique within an app",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FunctionTriggerMismatch = Create(
        DiagnosticIds.FunctionTriggerMismatch,
        "Function triggers do not match its event parameter",
        "The function '{0}' reads its event as '{1}', but {2}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BatchedFunctionTakesOneEvent = Create(
        DiagnosticIds.BatchedFunctionTakesOneEvent,
        "Batched function takes a single event",
        "The function '{0}' batches its events with [BatchEvents], but its parameter '{1}' is an Event<{2}>, which receives only the first event of each batch: Inngest starts one run with up to {3} events, and the others would be silently lost; take IReadOnlyList<Event<{2}>> (or Event<{2}>[]) to receive the whole batch",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EventListWithoutBatchEvents = Create(
        DiagnosticIds.EventListWithoutBatchEvents,
        "Event list parameter on a function without [BatchEvents]",
        "The parameter '{1}' of the function '{0}' is a list of events ('{2}'), but the function has no [BatchEvents], so every run receives a list of exactly one event; add [BatchEvents(maxSize, timeout)] to receive batches, or take Event<{3}>",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EventNameMissingDomain = Create(
        DiagnosticIds.EventNameMissingDomain,
        "Event name has no domain prefix",
        "The event name '{0}' has no domain prefix; name events 'domain/noun.verb'{1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EventNameFormat = Create(
        DiagnosticIds.EventNameFormat,
        "Event name is not lower-case and dot-separated",
        "The event name '{0}' {1}; event names are lower-case words separated by '.' after a 'domain/' prefix{2}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EventNameHyphenatedWords = Create(
        DiagnosticIds.EventNameHyphenatedWords,
        "Event name joins noun and verb with a hyphen",
        "The event name '{0}' joins its words with '-' where the convention separates noun and verb with '.'{1}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor EventNameNotPastTense = Create(
        DiagnosticIds.EventNameNotPastTense,
        "Event name does not end in a past-tense verb",
        "The event name '{0}' ends in '{1}', which does not read as a past-tense verb; name events after what happened{2}, or allow the word with 'inngest.event_name.allowed_verbs' in .editorconfig",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor EventNameReservedPrefix = Create(
        DiagnosticIds.EventNameReservedPrefix,
        "Event name uses the reserved 'inngest/' prefix",
        "The event name '{0}' starts with 'inngest/', which Inngest reserves for its own events and rejects from senders; use a domain of your own{1}",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EventNameLength = Create(
        DiagnosticIds.EventNameLength,
        "Event name is empty or too long",
        "The event name '{0}' {1}; Inngest accepts event names of 1 to 255 characters",
        DiagnosticSeverity.Error);

    // Reported from a compilation end action, so it carries the CompilationEnd tag (RS1037).
    public static readonly DiagnosticDescriptor DuplicateEventName = new(
        DiagnosticIds.DuplicateEventName,
        "Event name is declared by more than one type",
        "The event name '{0}' is declared by '{1}' and also by {2}; an event name must map to one type",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLinkBase + DiagnosticIds.DuplicateEventName + ".md",
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor EventSchemaBreakingChange = Create(
        DiagnosticIds.EventSchemaBreakingChange,
        "Breaking change to a locked event schema",
        "The event '{0}' ({1}) is locked in inngest-events.lock.json, but {2} {3}; events already sent keep the locked shape, so declare a new version ([Event(..., Version = \"...\")]; the lock keeps the old version's schema) or make the change compatible (add an optional member instead of changing one)",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor EventSchemaChangeNotLocked = Create(
        DiagnosticIds.EventSchemaChangeNotLocked,
        "Event schema change not yet in the lock",
        "The event '{0}' ({1}) {2}; update inngest-events.lock.json with the code fix or '" + SchemaLock.EventLockFile.UpdateCommand + "'",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor EventLockEntryMismatch = Create(
        DiagnosticIds.EventLockEntryMismatch,
        "Event missing from the lock, or a locked event without its type",
        "{0}; update inngest-events.lock.json with the code fix or '" + SchemaLock.EventLockFile.UpdateCommand + "'",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor EventLockUnreadable = Create(
        DiagnosticIds.EventLockUnreadable,
        "Event schema lock cannot be read",
        "inngest-events.lock.json cannot be read: {0} (line {1}, column {2}); correct it, or delete it and write it again with '" + SchemaLock.EventLockFile.UpdateCommand + "'",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor DedupIdConstant = Create(
        DiagnosticIds.DedupIdConstant,
        "Dedup id is a constant",
        "{0} is a constant, so Inngest treats every event sent with it as a duplicate of the first one for 24 hours; make the id specific to the event and the entity, e.g. {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DedupIdWithoutEventPart = Create(
        DiagnosticIds.DedupIdWithoutEventPart,
        "Dedup id is a bare entity value",
        "{0} is only an entity value, with nothing specific to the event: another event about the same entity that gets the same id is dropped as a duplicate; prefix it with the event, e.g. {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DedupIdChangesEveryAttempt = Create(
        DiagnosticIds.DedupIdChangesEveryAttempt,
        "Dedup id changes on every attempt",
        "The dedup id uses '{0}', which gives a new value on every attempt: a retried send gets a new id and is not deduplicated; build the id from the event's data, e.g. {1}",
        DiagnosticSeverity.Warning);

    // Info, not a warning: the id is steady whenever the code's own value is there, which is the path the code expects.
    public static readonly DiagnosticDescriptor DedupIdFallsBackToNewValue = Create(
        DiagnosticIds.DedupIdFallsBackToNewValue,
        "Dedup id falls back to a new value",
        "The dedup id falls back to '{0}' when the value it is built from is missing: a send that takes that path gets a new id on every attempt and is not deduplicated; make sure the value is there, or fall back to the event's data, e.g. {1}",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor FunctionIdNotSlug = Create(
        DiagnosticIds.FunctionIdNotSlug,
        "Function id is not a stable slug",
        "The function id '{0}' {1}; a function id is lower-case letters, digits and '-', written out as a literal (e.g. 'send-welcome-email'), because Inngest knows the function by it and a changed id is a new function",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FunctionTooManyTriggers = Create(
        DiagnosticIds.FunctionTooManyTriggers,
        "Function has more than 10 triggers",
        "The function '{0}' has {1} triggers; Inngest accepts at most 10 triggers per function",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor FunctionTooManyConcurrencyLimits = Create(
        DiagnosticIds.FunctionTooManyConcurrencyLimits,
        "Function has more than 2 concurrency limits",
        "The function '{0}' has {1} [Concurrency] limits; Inngest accepts at most 2 per function",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor BatchEventsIncompatible = Create(
        DiagnosticIds.BatchEventsIncompatible,
        "Batched function uses an option Inngest does not combine with batching",
        "The function '{0}' batches its events with [BatchEvents], which Inngest does not combine with {1}; remove one of them",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor RetriesOutOfRange = Create(
        DiagnosticIds.RetriesOutOfRange,
        "Retries out of range",
        "The function '{0}' sets {1} retries; Inngest accepts 0 to 20",
        DiagnosticSeverity.Error);

    public static readonly DiagnosticDescriptor ClientSendInFunction = Create(
        DiagnosticIds.ClientSendInFunction,
        "Client SendAsync inside a function",
        "The function '{0}' sends with the client's SendAsync outside a step, so the event is sent again every time Inngest calls the function (once per step and per retry); send it with {1}",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ClientSendInStep = Create(
        DiagnosticIds.ClientSendInStep,
        "Client SendAsync inside a step",
        "{0} sends with the client's SendAsync; send with {1} instead, the send step that Inngest records with the event ids in the run",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor ClientInjectedIntoFunctions = Create(
        DiagnosticIds.ClientInjectedIntoFunctions,
        "IInngestClient injected into a class with functions",
        "'{0}' has Inngest functions and takes an IInngestClient ('{1}'); inside a function, send events with step.SendEventAsync, which is memoized, rather than with the client",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor TaskNotAwaited = Create(
        DiagnosticIds.TaskNotAwaited,
        "Send or step task not awaited",
        "The task of {0} is not awaited, so nothing waits for it and its failure goes unnoticed; await it, or keep it in a variable and await it later (e.g. with Task.WhenAll)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NestedStep = Create(
        DiagnosticIds.NestedStep,
        "Step called inside another step",
        "{0} is called inside the delegate of {1}; steps cannot be nested, so move it out of the delegate and run it after the step",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor CapturedVariableAssignedInStep = Create(
        DiagnosticIds.CapturedVariableAssignedInStep,
        "Variable from outside a step assigned inside it",
        "{0} assigns '{1}', which is declared outside the step; when Inngest replays the function the step's delegate does not run again and '{1}' keeps its old value, so return the value from the step instead: {1} = await step.RunAsync(...)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor NonDeterministicOutsideStep = Create(
        DiagnosticIds.NonDeterministicOutsideStep,
        "Non-deterministic value outside a step",
        "'{0}' gives a new value every time Inngest calls the function '{1}' (once per step and per retry), so later calls see a different value than the first; wrap it in a step, whose result is stored: await step.RunAsync(\"{2}\", () => ...)",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor DuplicateStepId = Create(
        DiagnosticIds.DuplicateStepId,
        "Step id used twice in a function",
        "The step id '{0}' is also used on line {1} of the function '{2}'; Inngest numbers repeated ids in the order the steps run, so a change in that order mixes up their stored results; give each step its own id",
        DiagnosticSeverity.Info);

    public static readonly DiagnosticDescriptor DuplicateStepIdInParallel = Create(
        DiagnosticIds.DuplicateStepIdInParallel,
        "Step id used twice in parallel steps",
        "The step id '{0}' is also used on line {1} by a step of the function '{2}' that runs in parallel with this one; which of the two gets which stored result depends on the order they are reached, so give each its own id",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor ExpressionSyntaxError = Create(
        DiagnosticIds.ExpressionSyntaxError,
        "Expression does not parse",
        "The expression \"{0}\" in {1} is not valid: {2}",
        DiagnosticSeverity.Error,
        ExpressionsCategory);

    public static readonly DiagnosticDescriptor ExpressionUnknownMember = Create(
        DiagnosticIds.ExpressionUnknownMember,
        "Expression names a member the event does not have",
        "'{0}' in {1} names no member of the JSON data of {2} (which has {3}), so it is always null{4}",
        DiagnosticSeverity.Warning,
        ExpressionsCategory);

    public static readonly DiagnosticDescriptor ExpressionAsyncNotBound = Create(
        DiagnosticIds.ExpressionAsyncNotBound,
        "'async' used where only 'event' is bound",
        "The expression \"{0}\" in {1} uses 'async', but only 'event' (the triggering event) is bound there; 'async' (the incoming event) exists only in WaitForEventAsync and [CancelOn] conditions",
        DiagnosticSeverity.Error,
        ExpressionsCategory);

    public static readonly DiagnosticDescriptor ExpressionLogicInKey = Create(
        DiagnosticIds.ExpressionLogicInKey,
        "Key expression uses && or ||",
        "The key expression \"{0}\" in {1} uses '{2}', which makes the key a boolean, so all runs share two keys ('true' and 'false'); a key is a value such as event.data.customerId, and values combine with +, e.g. event.data.customerId + '-' + event.data.region",
        DiagnosticSeverity.Warning,
        ExpressionsCategory);

    public static readonly DiagnosticDescriptor ExpressionBuiltFromValues = Create(
        DiagnosticIds.ExpressionBuiltFromValues,
        "Expression built from run-time values",
        "The expression for {0} is built at run time from '{1}': a value with a quote in it changes what the expression matches (injection); {2}",
        DiagnosticSeverity.Warning,
        ExpressionsCategory);

    public static readonly DiagnosticDescriptor DurationInvalid = Create(
        DiagnosticIds.DurationInvalid,
        "Duration is not valid",
        "The duration \"{0}\" for {1} {2}",
        DiagnosticSeverity.Error,
        ExpressionsCategory);

    public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
        EventTypeNotPartial, EventTypeGeneric, UnsupportedMemberType, IdTemplateUnknownPlaceholder, IdTemplateMalformed, UnhonouredJsonAttribute,
        ResultTypeNotSerializable, FunctionTriggerMissing, FunctionParameterNotSupported, FunctionReturnTypeNotSupported,
        FunctionGeneric, FunctionNotAccessible, OnFailureHandlerInvalid, FunctionIdDuplicate, FunctionTriggerMismatch,
        BatchedFunctionTakesOneEvent, EventListWithoutBatchEvents,
        EventNameMissingDomain, EventNameFormat, EventNameHyphenatedWords, EventNameNotPastTense, EventNameReservedPrefix, EventNameLength, DuplicateEventName,
        EventSchemaBreakingChange, EventSchemaChangeNotLocked, EventLockEntryMismatch, EventLockUnreadable,
        DedupIdConstant, DedupIdWithoutEventPart, DedupIdChangesEveryAttempt, DedupIdFallsBackToNewValue,
        FunctionIdNotSlug, FunctionTooManyTriggers, FunctionTooManyConcurrencyLimits, BatchEventsIncompatible, RetriesOutOfRange,
        ClientSendInFunction, ClientSendInStep, ClientInjectedIntoFunctions, TaskNotAwaited, NestedStep, CapturedVariableAssignedInStep,
        NonDeterministicOutsideStep, DuplicateStepId, DuplicateStepIdInParallel,
        ExpressionSyntaxError, ExpressionUnknownMember, ExpressionAsyncNotBound, ExpressionLogicInKey, ExpressionBuiltFromValues, DurationInvalid);

    private static readonly Dictionary<string, DiagnosticDescriptor> ById = All.ToDictionary(static d => d.Id);

    public static DiagnosticDescriptor Get(string id) => ById[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity, string category = Category)
        => new(id, title, message, category, severity, isEnabledByDefault: true, helpLinkUri: HelpLinkBase + id + ".md");
}
