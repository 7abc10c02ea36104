namespace Inngest.Events.DevServer.Ui;

/// <summary>The last sync the dev server tried at a URL.</summary>
/// <param name="Url">The app's serve URL.</param>
/// <param name="At">When.</param>
/// <param name="AppId">The app that answered, from the last sync that worked.</param>
/// <param name="Error">Why the last attempt failed, or null when it worked.</param>
internal sealed record AppSyncAttempt(Uri Url, DateTimeOffset At, string? AppId, string? Error);
