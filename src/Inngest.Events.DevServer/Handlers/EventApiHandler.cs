using System.Text.Json;
using Inngest.Events.Engine;
using Inngest.Events.Protocol;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.DevServer.Handlers;

/// <summary>
/// <c>POST /e/{key}</c> (docs/protocol.md#event-api): one event object or an array of up to 5000, ingested one by one
/// in order. The first invalid event stops the request with 400; the events before it stay ingested and their ids
/// come back (<c>[""]</c> when the first one failed, as the Inngest server answers). Internal ids come from
/// <c>x-inngest-event-id-seed</c> when the request has one.
/// </summary>
internal sealed class EventApiHandler(InngestEngine engine, InngestDevServerOptions options)
{
    public async Task HandleAsync(HttpContext context)
    {
        var key = context.Request.RouteValues["key"] as string;
        if (string.IsNullOrEmpty(key))
        {
            await KeyErrorAsync(context, "Event key is required").ConfigureAwait(false);
            return;
        }

        if (options.EventKeys.Count > 0 && !options.EventKeys.Contains(key))
        {
            await KeyErrorAsync(context, "Event key not found").ConfigureAwait(false);
            return;
        }

        var body = await DevServerResponses.ReadBodyAsync(context.Request, context.RequestAborted).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException exception)
        {
            await ReplyAsync(context, 400, [], "The body is not JSON: " + exception.Message).ConfigureAwait(false);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            JsonElement[] events = root.ValueKind switch
            {
                JsonValueKind.Object => [root],
                JsonValueKind.Array => root.EnumerateArray().ToArray(),
                _ => [],
            };
            if (root.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
            {
                await ReplyAsync(context, 400, [], "The body must be an event object or an array of events.").ConfigureAwait(false);
                return;
            }

            if (events.Length > EventRules.MaxEventsPerRequest)
            {
                await ReplyAsync(context, 400, [], EventRules.TooManyEventsError).ConfigureAwait(false);
                return;
            }

            // Inngest derives each event's internal id from x-inngest-event-id-seed and its index, so a client retrying a
            // request (after a dropped connection, say) gets the same ids and starts no second run.
            var seed = context.Request.Headers[InngestHeaders.EventIdSeed].ToString() is { Length: > 0 } value ? value : null;
            var ids = new List<string>(events.Length);
            for (var index = 0; index < events.Length; index++)
            {
                try
                {
                    ids.Add(engine.SendJson(events[index].GetRawText(), seed, index));
                }
                catch (Exception exception) when (exception is JsonException or InngestEventValidationException)
                {
                    // The events before the bad one were ingested: they are durable before the client hears of them.
                    await engine.FlushAsync(context.RequestAborted).ConfigureAwait(false);
                    await ReplyAsync(context, 400, ids.Count == 0 ? [string.Empty] : ids, ServerMessage(exception)).ConfigureAwait(false);
                    return;
                }
            }

            // What the client is told was received must survive a crash of a durable engine store.
            await engine.FlushAsync(context.RequestAborted).ConfigureAwait(false);
            await ReplyAsync(context, 200, ids, null).ConfigureAwait(false);
        }
    }

    /// <summary>The server's wording for the event API's rules (docs/protocol.md#event-api).</summary>
    private static string ServerMessage(Exception exception) => exception switch
    {
        InngestEventValidationException { Rule: EventValidationRule.EmptyName } => EventRules.EmptyNameError,
        InngestEventValidationException { Rule: EventValidationRule.ReservedName } invalid => EventRules.ReservedNameError(invalid.EventName),
        InngestEventValidationException { Rule: EventValidationRule.TimestampOutOfRange } invalid =>
            $"event '{invalid.EventName}' has a ts outside the accepted range, {EventRules.TimestampRange}",
        _ => exception.Message,
    };

    private Task ReplyAsync(HttpContext context, int status, IReadOnlyList<string> ids, string? error)
        => DevServerResponses.WriteAsync(context, status, engine.HttpOptions.ServerKind, writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("ids");
            foreach (var id in ids)
            {
                writer.WriteStringValue(id);
            }

            writer.WriteEndArray();
            writer.WriteNumber("status", status);
            if (error is not null)
            {
                writer.WriteString("error", error);
            }

            writer.WriteEndObject();
        });

    private Task KeyErrorAsync(HttpContext context, string error)
        => DevServerResponses.WriteAsync(context, 401, engine.HttpOptions.ServerKind, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("status", 401);
            writer.WriteString("message", string.Empty);
            writer.WriteString("error", error);
            writer.WriteEndObject();
        });
}
