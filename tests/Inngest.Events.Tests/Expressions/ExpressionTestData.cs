using System.Text.Json;
using Inngest.Events.Expressions;

namespace Inngest.Events.Tests.Expressions;

/// <summary>The events the evaluator tests run against: a triggering event and an incoming (async) one.</summary>
internal static class ExpressionTestData
{
    public static readonly JsonElement Event = Parse("""
        {
          "name": "billing/invoice.paid",
          "id": "01HQ",
          "ts": 1700000000000,
          "data": {
            "plan": "pro",
            "userId": "u_123",
            "amount": 42,
            "price": 9.5,
            "seats": 5,
            "zero": 0,
            "empty": "",
            "nothing": null,
            "flag": true,
            "off": false,
            "tags": ["a", "b", "vip"],
            "items": [{ "sku": "x", "qty": 1 }, { "sku": "y", "qty": 3 }],
            "nested": { "deep": { "value": "found" } },
            "odd-key": "dash",
            "big": 9007199254740993,
            "onePointZero": 1.0,
            "unicode": "h\u00e9llo \ud83d\ude00",
            "encoded": "aGVsbG8=",
            "json": "{\"a\":[1,2]}",
            "upper": "PRO"
          },
          "user": { "email": "a@b.c" }
        }
        """);

    public static readonly JsonElement Async = Parse("""
        {
          "name": "app/user.updated",
          "data": { "userId": "u_123", "plan": "free", "amount": 42.0, "tags": ["a", "b", "vip"] }
        }
        """);

    public static readonly JsonElement Vars = Parse("""{ "limit": 10 }""");

    public static ExpressionBindings Bindings => new(Event, Async, Vars);

    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    public static ExpressionValue Evaluate(string source) => Expression.Parse(source).Evaluate(Bindings);

    /// <summary>Expected results are written with single quotes for readability: 'a' is the JSON string "a".</summary>
    public static string Json(string singleQuoted) => singleQuoted.Replace('\'', '"');
}
