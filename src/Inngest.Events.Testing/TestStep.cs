using System.Text.Json;
using Inngest.Events.Engine;
using Inngest.Events.Protocol;

namespace Inngest.Events.Testing;

/// <summary>A step of a <see cref="TestRun"/>: its kind, how it ended, how many attempts it took, what it was given and what it returned.</summary>
public sealed class TestStep
{
    private readonly TestRunContext _context;

    internal TestStep(StepRecord record, JsonElement? options, int? index, TestRunContext context)
    {
        Record = record;
        Options = options;
        Index = index;
        _context = context;
    }

    /// <summary>The engine's record of the step.</summary>
    public StepRecord Record { get; }

    /// <summary>The user's step id.</summary>
    public string Name => Record.Name ?? Record.Hash;

    /// <summary>For a step id used more than once in the run: which use (the second use is 1; the first has none).</summary>
    public int? Index { get; }

    /// <summary>The op that introduced it: <c>StepRun</c> (run-type steps, sendEvent too), <c>Sleep</c>, <c>WaitForEvent</c> or <c>InvokeFunction</c>.</summary>
    public string Kind => Record.Op;

    /// <summary>Where the step stands.</summary>
    public StepStatus Status => Record.Status;

    /// <summary>How many times the step's code ran (run-type steps): 3 for a step that failed twice and then worked.</summary>
    public int Attempts => Record.Attempts;

    /// <summary>The step's output: a run step's value, a wait's matched event (null on timeout), an invoked function's result.</summary>
    public JsonElement? Output => Record.Output;

    /// <summary>The step's last error (a failed attempt, or the final failure).</summary>
    public StepError? Error => Record.Error;

    /// <summary>The op's options as the function reported them (a sleep's duration, a wait's event, timeout and condition, an invoke's target, a run step's input).</summary>
    public JsonElement? Options { get; }

    /// <summary>The input the step was called with (<c>step.RunAsync(id, input, ...)</c>), as JSON; null for a step without one.</summary>
    public JsonElement? Input
        => Options is { ValueKind: JsonValueKind.Object } options && options.TryGetProperty("input", out var input) && input.ValueKind == JsonValueKind.Array && input.GetArrayLength() > 0
            ? input[0]
            : null;

    /// <summary>The step's output read as <typeparamref name="T"/>.</summary>
    /// <exception cref="InngestAssertionException">The step has no output (it did not complete), or it is not a <typeparamref name="T"/>.</exception>
    public T OutputAs<T>()
    {
        if (Output is not { } output || Status != StepStatus.Completed)
        {
            throw new InngestAssertionException($"The step '{Name}' has no output to read: it is {Status}{(Error is { } e ? $" ({e.Name}: {e.Message})" : string.Empty)}.");
        }

        return TypedValues.Read<T>(output, _context.Types, $"the output of step '{Name}'");
    }

    /// <summary>The step's input read as <typeparamref name="T"/>.</summary>
    /// <exception cref="InngestAssertionException">The step was called without an input, or it is not a <typeparamref name="T"/>.</exception>
    public T InputAs<T>()
        => Input is { } input
            ? TypedValues.Read<T>(input, _context.Types, $"the input of step '{Name}'")
            : throw new InngestAssertionException($"The step '{Name}' was called without an input (step.RunAsync(id, input, ...) records one).");

    /// <summary>The step as a line: <c>'charge' StepRun Completed after 3 attempts</c>.</summary>
    public override string ToString()
        => $"'{Name}' {Kind} {Status}{(Attempts > 1 ? $" after {Attempts} attempts" : string.Empty)}{(Error is { } e && Status != StepStatus.Completed ? $": {e.Name}: {e.Message}" : string.Empty)}";
}
