namespace Inngest.Events.Engine.Store;

/// <summary>Builds the public <see cref="RunRecord"/> from a run's stored rows (shared by the stores).</summary>
internal static class StoredRunRecords
{
    /// <summary>The run with its steps (in the order first reported), its stack (from the steps' stack indexes), calls and timeline.</summary>
    public static RunRecord ToRecord(StoredRun run, IReadOnlyList<StoredStep> steps, IReadOnlyList<CallRecord> calls, IReadOnlyList<RunTimelineEntry> timeline)
    {
        var stack = new List<(int Index, string Hash)>();
        var records = new StepRecord[steps.Count];
        for (var i = 0; i < records.Length; i++)
        {
            var step = steps[i];
            records[i] = new StepRecord
            {
                Hash = step.Hash,
                Name = step.Name,
                Op = step.Op,
                Status = step.Status,
                Attempts = step.Attempts,
                Output = step.Output,
                Error = step.Error,
                Memo = step.Memo,
            };
            if (step.StackIndex is { } index)
            {
                stack.Add((index, step.Hash));
            }
        }

        stack.Sort((a, b) => a.Index.CompareTo(b.Index));
        return new RunRecord
        {
            RunId = run.RunId,
            FunctionId = run.FunctionId,
            CompositeFunctionId = run.CompositeFunctionId,
            Event = run.Event,
            Events = run.Events,
            EventIds = run.EventIds,
            OriginalRunId = run.OriginalRunId,
            Status = run.Status,
            CreatedAt = run.CreatedAt,
            StartedAt = run.StartedAt,
            EndedAt = run.EndedAt,
            Steps = records,
            Stack = stack.ConvertAll(s => s.Hash),
            Result = run.Result,
            Error = run.Error,
            CancellationReason = run.CancellationReason,
            CorrelationId = run.CorrelationId,
            ParentRunId = run.ParentRunId,
            Calls = calls,
            Timeline = timeline,
        };
    }
}
