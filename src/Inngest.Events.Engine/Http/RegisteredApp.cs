namespace Inngest.Events.Engine;

/// <summary>An app that synced its functions with the engine, to be called over HTTP.</summary>
public sealed record RegisteredApp
{
    /// <summary>The app id (<c>appName</c> of the register request).</summary>
    public required string AppId { get; init; }

    /// <summary>The serve URL the app advertised.</summary>
    public required Uri Url { get; init; }

    /// <summary>The SDK, e.g. <c>js:v4.18.1</c> or <c>dotnet:v0.1.0</c>.</summary>
    public string? Sdk { get; init; }

    /// <summary>The framework, e.g. <c>express</c> or <c>aspnetcore</c>.</summary>
    public string? Framework { get; init; }

    /// <summary>The app version, if the app reported one.</summary>
    public string? AppVersion { get; init; }

    /// <summary>The composite ids of the app's functions.</summary>
    public required IReadOnlyList<string> FunctionIds { get; init; }

    /// <summary>How the app last synced: <c>in_band</c> or <c>out_of_band</c>.</summary>
    public required string SyncKind { get; init; }

    /// <summary>When the app last synced.</summary>
    public required DateTimeOffset SyncedAt { get; init; }
}
