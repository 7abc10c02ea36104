using Inngest.Events.Protocol;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary>The endpoint's log messages. Keys and signatures are never logged.</summary>
internal static partial class ServeLog
{
    [LoggerMessage(1, LogLevel.Warning, "Rejected an Inngest {Method} request: {Reason}")]
    public static partial void Rejected(ILogger logger, string method, string reason);

    [LoggerMessage(2, LogLevel.Information, "Synced {FunctionCount} function(s) of app '{AppId}' at {Url} with {RegisterUrl} (modified: {Modified})")]
    public static partial void Synced(ILogger logger, int functionCount, string appId, string url, Uri registerUrl, bool modified);

    [LoggerMessage(3, LogLevel.Error, "Syncing app '{AppId}' with {RegisterUrl} failed: {Message}")]
    public static partial void SyncFailed(ILogger logger, string appId, Uri registerUrl, string message);

    [LoggerMessage(4, LogLevel.Information, "Answered an in-band sync of app '{AppId}' for {Url} with {FunctionCount} function(s)")]
    public static partial void SyncedInBand(ILogger logger, string appId, string url, int functionCount);

    [LoggerMessage(5, LogLevel.Debug, "Call of {FunctionId} (run {RunId}, step {StepId}, attempt {Attempt}) answered {StatusCode}")]
    public static partial void Called(ILogger logger, string functionId, string runId, string stepId, int attempt, int statusCode);

    [LoggerMessage(6, LogLevel.Warning, "A call request asked for the function '{FunctionId}', which app '{AppId}' does not serve")]
    public static partial void UnknownFunction(ILogger logger, string functionId, string appId);

    [LoggerMessage(7, LogLevel.Error, "Loading the state of run {RunId} from the Inngest API failed: {Message}")]
    public static partial void StateLoadFailed(ILogger logger, string runId, string message);

    [LoggerMessage(8, LogLevel.Error, "The function runner failed on a call of {FunctionId} (run {RunId})")]
    public static partial void RunnerFailed(ILogger logger, Exception exception, string functionId, string runId);

    [LoggerMessage(9, LogLevel.Warning, "A malformed call request for {FunctionId} was rejected: {Message}")]
    public static partial void MalformedCall(ILogger logger, string functionId, string message);

    [LoggerMessage(10, LogLevel.Debug, "Introspection answered (authenticated: {Authenticated})")]
    public static partial void Introspected(ILogger logger, bool authenticated);

    [LoggerMessage(11, LogLevel.Warning, $"The endpoint is in dev mode ({{ModeSource}}) but received a call from an Inngest server of kind '{{ServerKind}}'; set {EnvironmentVariables.Dev}=0 and {EnvironmentVariables.SigningKey} to serve Inngest Cloud")]
    public static partial void ServerKindMismatch(ILogger logger, string modeSource, string serverKind);
}
