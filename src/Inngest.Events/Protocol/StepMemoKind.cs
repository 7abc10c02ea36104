namespace Inngest.Events.Protocol;

/// <summary>What a <see cref="StepMemo"/> holds.</summary>
internal enum StepMemoKind
{
    /// <summary>Nothing yet: the step must be run, planned or waited for.</summary>
    Pending,

    /// <summary>The step's result.</summary>
    Value,

    /// <summary>The step failed for good.</summary>
    Error,
}
