using System.Diagnostics;
using Inngest.Events.Protocol;

namespace Inngest.Events.AspNetCore.Serving;

/// <summary>The endpoint's tracing: a span per call request and one per step the call executed.</summary>
internal static class ServeTelemetry
{
    public const string SourceName = "Inngest.Events.AspNetCore";

    public static readonly ActivitySource Source = new(SourceName, InngestSdk.Version);
}
