using System.Collections.Immutable;

namespace Inngest.Events.Generators.Shared;

/// <summary>Names of the generator's pipeline steps, so tests can check what a rerun took from the cache.</summary>
internal static class TrackingNames
{
    public const string EventModels = nameof(EventModels);
    public const string EventDiagnostics = nameof(EventDiagnostics);
    public const string EventSources = nameof(EventSources);
    public const string FunctionResults = nameof(FunctionResults);
    public const string FunctionDiagnostics = nameof(FunctionDiagnostics);
    public const string FunctionIds = nameof(FunctionIds);
    public const string FunctionModels = nameof(FunctionModels);
    public const string StepScopes = nameof(StepScopes);
    public const string StepScopeDiagnostics = nameof(StepScopeDiagnostics);
    public const string StepTypes = nameof(StepTypes);
    public const string FunctionRegistry = nameof(FunctionRegistry);

    /// <summary>The named steps of <c>EventGenerator</c>, each present in every run that sees an [Event] type.</summary>
    public static readonly ImmutableArray<string> EventGeneratorSteps = ImmutableArray.Create(EventModels, EventDiagnostics, EventSources);

    /// <summary>The named steps of <c>FunctionGenerator</c>, each present in every run that sees a function and a step scope.</summary>
    public static readonly ImmutableArray<string> FunctionGeneratorSteps = ImmutableArray.Create(
        FunctionResults, FunctionDiagnostics, FunctionIds, FunctionModels, StepScopes, StepScopeDiagnostics, StepTypes, FunctionRegistry);
}
