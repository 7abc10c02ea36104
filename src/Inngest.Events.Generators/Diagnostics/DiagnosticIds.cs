namespace Inngest.Events.Generators.Diagnostics;

/// <summary>
/// Diagnostic ids: INNG1xxx event definitions and names, INNG2xxx functions and triggers, INNG3xxx sending, ids
/// and steps, INNG4xxx expressions and durations.
/// </summary>
internal static class DiagnosticIds
{
    public const string EventTypeNotPartial = "INNG1001";
    public const string EventTypeGeneric = "INNG1002";
    public const string UnsupportedMemberType = "INNG1003";
    public const string IdTemplateUnknownPlaceholder = "INNG1004";
    public const string IdTemplateMalformed = "INNG1005";
    public const string UnhonouredJsonAttribute = "INNG1006";
    public const string ResultTypeNotSerializable = "INNG2001";
    public const string FunctionTriggerMissing = "INNG2002";
    public const string FunctionParameterNotSupported = "INNG2003";
    public const string FunctionReturnTypeNotSupported = "INNG2004";
    public const string FunctionGeneric = "INNG2005";
    public const string FunctionNotAccessible = "INNG2006";
    public const string OnFailureHandlerInvalid = "INNG2007";
    public const string FunctionIdDuplicate = "INNG2008";
    public const string FunctionTriggerMismatch = "INNG2009";
    public const string BatchedFunctionTakesOneEvent = "INNG2015";
    public const string EventListWithoutBatchEvents = "INNG2016";

    // Event names (EventNameAnalyzer, DuplicateEventNameAnalyzer).
    public const string EventNameMissingDomain = "INNG1010";
    public const string EventNameFormat = "INNG1011";
    public const string EventNameHyphenatedWords = "INNG1012";
    public const string EventNameNotPastTense = "INNG1013";
    public const string EventNameReservedPrefix = "INNG1014";
    public const string EventNameLength = "INNG1015";
    public const string DuplicateEventName = "INNG1016";

    // The event schema lock (EventSchemaLockAnalyzer).
    public const string EventSchemaBreakingChange = "INNG1020";
    public const string EventSchemaChangeNotLocked = "INNG1021";
    public const string EventLockEntryMismatch = "INNG1022";
    public const string EventLockUnreadable = "INNG1023";

    // Dedup ids (DedupIdAnalyzer).
    public const string DedupIdConstant = "INNG3001";
    public const string DedupIdWithoutEventPart = "INNG3002";
    public const string DedupIdChangesEveryAttempt = "INNG3003";
    public const string DedupIdFallsBackToNewValue = "INNG3019";

    // Function configuration (FunctionConfigAnalyzer).
    public const string FunctionIdNotSlug = "INNG2010";
    public const string FunctionTooManyTriggers = "INNG2011";
    public const string FunctionTooManyConcurrencyLimits = "INNG2012";
    public const string BatchEventsIncompatible = "INNG2013";
    public const string RetriesOutOfRange = "INNG2014";

    // Sends and steps inside functions.
    public const string ClientSendInFunction = "INNG3010";
    public const string ClientSendInStep = "INNG3011";
    public const string ClientInjectedIntoFunctions = "INNG3012";
    public const string TaskNotAwaited = "INNG3013";
    public const string NestedStep = "INNG3014";
    public const string CapturedVariableAssignedInStep = "INNG3015";
    public const string NonDeterministicOutsideStep = "INNG3016";
    public const string DuplicateStepId = "INNG3017";
    public const string DuplicateStepIdInParallel = "INNG3018";

    // Expressions and durations (ExpressionAnalyzer).
    public const string ExpressionSyntaxError = "INNG4001";
    public const string ExpressionUnknownMember = "INNG4002";
    public const string ExpressionAsyncNotBound = "INNG4003";
    public const string ExpressionLogicInKey = "INNG4004";
    public const string ExpressionBuiltFromValues = "INNG4005";
    public const string DurationInvalid = "INNG4006";
}
