using System.Globalization;
using Inngest.Events.Engine.Internal;
using Microsoft.Extensions.Logging;

namespace Inngest.Events.Engine.FlowControl;

/// <summary>
/// <c>priority.run</c>: an expression over the triggering event giving seconds (Inngest's SDKs document −600…600). A
/// run's calls queue as if the run had been created that many seconds earlier (later for a negative factor): Inngest
/// orders a function's queue by run creation time minus the factor ("Priority", inngest.com/docs/guides/priority;
/// the server's <c>QueueItem.Score</c>). The factor is evaluated once, when the run is created.
/// </summary>
internal static class PriorityPolicy
{
    public const int Limit = 600;

    public static int Evaluate(EngineContext context, InngestFunctionDefinition function, EventRecord trigger)
    {
        if (function.Config.Priority is not { Length: > 0 } expression)
        {
            return 0;
        }

        var text = context.EvaluateKey(expression, trigger.Payload, $"priority.run of function '{function.Id}'");
        if (text is null)
        {
            return 0;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || double.IsNaN(seconds))
        {
            context.Logger.LogWarning("The priority.run expression '{Expression}' of function '{FunctionId}' gave '{Value}', not a number of seconds; using 0.", expression, function.Id, text);
            return 0;
        }

        return (int)Math.Clamp(Math.Truncate(seconds), -Limit, Limit);
    }
}
