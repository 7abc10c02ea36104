using System.Text;
using System.Text.Json;

namespace Inngest.Events.Engine.History;

/// <summary>
/// A run's history as a versioned JSON document (<c>"format": "inngest-events/run-history", "version": 1</c>,
/// specified in docs/run-history.md): the run, its triggering events, its steps with their options and memoized
/// results, every call as the protocol carried it, and its timeline. The engine and the dev server export it;
/// <c>Inngest.Events.Testing</c> replays it against today's code of the function to find changes that would break runs
/// already under way.
/// </summary>
public sealed record RunHistory
{
    /// <summary>The value of the document's <c>format</c> field.</summary>
    public const string Format = "inngest-events/run-history";

    /// <summary>The version this library writes, and the newest it reads.</summary>
    public const int CurrentVersion = 1;

    /// <summary>The document's version (what it was read as, or <see cref="CurrentVersion"/>).</summary>
    public int Version { get; init; } = CurrentVersion;

    /// <summary>When the history was exported, by the exporter's clock.</summary>
    public DateTimeOffset? ExportedAt { get; init; }

    /// <summary>The run.</summary>
    public required RunHistoryRun Run { get; init; }

    /// <summary>The triggering events (several for a batch).</summary>
    public required IReadOnlyList<RunHistoryEvent> Events { get; init; }

    /// <summary>The steps, in the order the run first reported them.</summary>
    public required IReadOnlyList<RunHistoryStep> Steps { get; init; }

    /// <summary>The hashes of stored steps in the order they were stored (the <c>ctx.stack</c> of the run's last call).</summary>
    public IReadOnlyList<string> Stack { get; init; } = [];

    /// <summary>Every call of the function, in order.</summary>
    public IReadOnlyList<RunHistoryCall> Calls { get; init; } = [];

    /// <summary>What happened, in order.</summary>
    public IReadOnlyList<RunHistoryTimelineEntry> Timeline { get; init; } = [];

    /// <summary>The step with hash <paramref name="hash"/>, or null.</summary>
    public RunHistoryStep? StepByHash(string hash) => Steps.FirstOrDefault(s => s.Hash == hash);

    /// <summary>The first step the user called <paramref name="name"/>, or null.</summary>
    public RunHistoryStep? Step(string name) => Steps.FirstOrDefault(s => s.Name == name);

    /// <summary>
    /// The history of <paramref name="run"/>: its record as the engine keeps it, with each step's options taken from the
    /// op that reported it.
    /// </summary>
    /// <param name="run">A snapshot of the run (<see cref="InngestEngine.GetRun"/>).</param>
    /// <param name="appId">The app the run's function belongs to.</param>
    /// <param name="exportedAt">When it is exported; null leaves the field out.</param>
    public static RunHistory FromRun(RunRecord run, string appId, DateTimeOffset? exportedAt = null)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(appId);
        return RunHistoryConversion.FromRun(run, appId, exportedAt);
    }

    /// <summary>Reads a history from UTF-8 JSON.</summary>
    /// <exception cref="RunHistoryFormatException">The JSON is malformed, is not a run history, is of a newer version, or a field has the wrong type; the message says which, with its JSON path.</exception>
    public static RunHistory Parse(ReadOnlySpan<byte> utf8Json) => RunHistoryJson.Read(utf8Json);

    /// <summary>Reads a history from JSON text.</summary>
    /// <exception cref="RunHistoryFormatException">The JSON is not a run history this version can read.</exception>
    public static RunHistory Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return RunHistoryJson.Read(Encoding.UTF8.GetBytes(json));
    }

    /// <summary>Reads the history in the file <paramref name="path"/> (e.g. <c>histories/charge-declined.run.json</c>).</summary>
    /// <exception cref="RunHistoryFormatException">The file is not a run history this version can read; the message names the file.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static RunHistory Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var bytes = File.ReadAllBytes(path);
        try
        {
            return RunHistoryJson.Read(bytes);
        }
        catch (RunHistoryFormatException exception)
        {
            throw new RunHistoryFormatException($"{path}: {exception.Message}", exception.Path, exception);
        }
    }

    /// <summary>Writes the history as indented UTF-8 JSON.</summary>
    public byte[] ToUtf8Json() => RunHistoryJson.Write(this);

    /// <summary>Writes the history as indented JSON text.</summary>
    public string ToJson() => Encoding.UTF8.GetString(RunHistoryJson.Write(this));

    /// <summary>Writes the history to <paramref name="writer"/>.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        RunHistoryJson.Write(writer, this);
    }

    /// <summary>Writes the history to the file <paramref name="path"/>, replacing it.</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        File.WriteAllBytes(path, ToUtf8Json());
    }
}
