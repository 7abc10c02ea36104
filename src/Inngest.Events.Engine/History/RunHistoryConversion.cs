using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Engine.History;

/// <summary>Builds a <see cref="RunHistory"/> from the engine's record of a run.</summary>
internal static class RunHistoryConversion
{
    public static RunHistory FromRun(RunRecord run, string appId, DateTimeOffset? exportedAt)
    {
        // The engine keeps a step's options only in the op that reported it; the first op with options wins (every op of
        // a step carries the same ones).
        var opts = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var indexes = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var call in run.Calls)
        {
            foreach (var op in call.Response.Ops)
            {
                if (op.Opts is { } o && !opts.ContainsKey(op.Id))
                {
                    opts[op.Id] = o;
                }

                if (op.UserlandIndex is { } index)
                {
                    indexes.TryAdd(op.Id, index);
                }
            }
        }

        return new RunHistory
        {
            ExportedAt = exportedAt,
            Run = new RunHistoryRun
            {
                RunId = run.RunId,
                AppId = appId,
                FunctionId = run.FunctionId,
                CompositeFunctionId = run.CompositeFunctionId,
                Status = run.Status,
                CreatedAt = run.CreatedAt,
                StartedAt = run.StartedAt,
                EndedAt = run.EndedAt,
                OriginalRunId = run.OriginalRunId,
                ParentRunId = run.ParentRunId,
                CorrelationId = run.CorrelationId,
                Result = run.Result,
                Error = run.Error,
                CancellationReason = run.CancellationReason,
            },
            Events = run.Events.Select((e, i) => new RunHistoryEvent(i < run.EventIds.Count ? run.EventIds[i] : string.Empty, e)).ToArray(),
            Steps = run.Steps.Select(s => new RunHistoryStep
            {
                Hash = s.Hash,
                Name = s.Name,
                Index = indexes.TryGetValue(s.Hash, out var index) ? index : null,
                Op = s.Op,
                Status = s.Status,
                Attempts = s.Attempts,
                Opts = opts.TryGetValue(s.Hash, out var o) ? o : null,
                Output = s.Output,
                Error = s.Error,
                Memo = s.Memo,
            }).ToArray(),
            Stack = run.Stack.ToArray(),
            Calls = run.Calls.Select(Call).ToArray(),
            Timeline = run.Timeline.Select(t => new RunHistoryTimelineEntry(t.Time, t.Kind, t.StepName, t.Message)).ToArray(),
        };
    }

    private static RunHistoryCall Call(CallRecord call)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            call.Request.WriteTo(writer);
        }

        return new RunHistoryCall(
            call.Time,
            call.Request.Ctx.StepId,
            call.Request.Ctx.Attempt,
            Parse(buffer.WrittenSpan),
            call.Response.StatusCode,
            call.Response.NoRetry,
            call.Response.RetryAfter,
            Parse(call.Response.ToBody()));
    }

    private static JsonElement Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        using var document = JsonDocument.ParseValue(ref reader);
        return document.RootElement.Clone();
    }
}
