using System.Text;
using System.Text.Json;

namespace Inngest.Events;

/// <summary>
/// The body of an event API response (docs/protocol.md#event-api-responses), read with <see cref="Utf8JsonReader"/>:
/// <c>{"ids":[..],"status":200}</c>, <c>{"ids":[..],"status":400,"error":".."}</c> or
/// <c>{"status":401,"message":"","error":".."}</c>. A body that is not such JSON (e.g. a proxy's HTML page) is kept as text.
/// </summary>
internal sealed class EventApiResponse
{
    private const int MaxTextLength = 300;

    private EventApiResponse(IReadOnlyList<string>? ids, string? error, string? message, string? text)
    {
        Ids = ids;
        Error = error;
        Message = message;
        Text = text;
    }

    /// <summary>The <c>ids</c> array, or <see langword="null"/> when absent; a null entry reads as an empty string.</summary>
    public IReadOnlyList<string>? Ids { get; }

    public string? Error { get; }

    public string? Message { get; }

    /// <summary>The start of the body when it is not a JSON object, else <see langword="null"/>.</summary>
    public string? Text { get; }

    /// <summary>The most useful error text the server gave: <c>error</c>, else <c>message</c>, else a non-JSON body.</summary>
    public string? ServerError =>
        !string.IsNullOrWhiteSpace(Error) ? Error
        : !string.IsNullOrWhiteSpace(Message) ? Message
        : !string.IsNullOrWhiteSpace(Text) ? Text
        : null;

    /// <summary>The ids of the events the server ingested: the leading non-empty ids (a failed event's slot is empty).</summary>
    public IReadOnlyList<string> AcceptedPrefix(int eventCount)
    {
        if (Ids is null)
        {
            return [];
        }

        int accepted = 0;
        while (accepted < Ids.Count && accepted < eventCount && !string.IsNullOrEmpty(Ids[accepted]))
        {
            accepted++;
        }

        return accepted == Ids.Count ? Ids : Ids.Take(accepted).ToArray();
    }

    public static EventApiResponse Parse(ReadOnlySpan<byte> body)
    {
        try
        {
            return ParseJson(body);
        }
        catch (JsonException)
        {
            return new EventApiResponse(null, null, null, AsText(body));
        }
        catch (InvalidOperationException)
        {
            // A token of an unexpected type, e.g. "ids": "x".
            return new EventApiResponse(null, null, null, AsText(body));
        }
    }

    private static EventApiResponse ParseJson(ReadOnlySpan<byte> body)
    {
        var reader = new Utf8JsonReader(body, isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return new EventApiResponse(null, null, null, AsText(body));
        }

        List<string>? ids = null;
        string? error = null;
        string? message = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("ids"u8))
            {
                reader.Read();
                if (reader.TokenType == JsonTokenType.StartArray)
                {
                    ids = [];
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                    {
                        ids.Add(reader.TokenType == JsonTokenType.String ? reader.GetString()! : string.Empty);
                        reader.Skip();
                    }
                }
                else
                {
                    reader.Skip();
                }
            }
            else if (reader.ValueTextEquals("error"u8))
            {
                reader.Read();
                error = ReadText(ref reader, body);
            }
            else if (reader.ValueTextEquals("message"u8))
            {
                reader.Read();
                message = ReadText(ref reader, body);
            }
            else
            {
                reader.Read();
                reader.Skip();
            }
        }

        return new EventApiResponse(ids, error, message, null);
    }

    // "error" is a string in every known response; anything else is kept as its raw JSON.
    private static string? ReadText(ref Utf8JsonReader reader, ReadOnlySpan<byte> body)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                return reader.GetString();
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                {
                    int start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    return Encoding.UTF8.GetString(body[start..(int)reader.BytesConsumed]);
                }

            default:
                return Encoding.UTF8.GetString(reader.ValueSpan);
        }
    }

    private static string? AsText(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
        {
            return null;
        }

        string text = Encoding.UTF8.GetString(body[..Math.Min(body.Length, MaxTextLength * 4)]).Trim();
        if (text.Length > MaxTextLength)
        {
            text = text[..MaxTextLength] + "…";
        }

        return text.Length == 0 ? null : text;
    }
}
