using System.Text.Json.Nodes;
using Inngest.Events.AspNetCore.Tests.Infrastructure;
using Inngest.Events.Engine;
using Microsoft.Extensions.Time.Testing;

namespace Inngest.Events.AspNetCore.Tests;

/// <summary>
/// The engine as a cloud-mode server (<see cref="InngestEngineHttpOptions.ServerKind"/> <c>cloud</c>, a signing key):
/// it signs the canonical form of what it sends, and takes an app's answer only when the app signed it
/// (docs/protocol.md#signing). The signed interop leg plays the same against the JS SDK (docs/interop.md).
/// </summary>
public sealed class CloudEngineTests
{
    private static InngestEngineHttpOptions Cloud(HttpClient? client = null) => new()
    {
        SigningKey = Keys.Signing,
        SigningKeyFallback = Keys.Fallback,
        ServerKind = "cloud",
        HttpClient = client,
    };

    private static byte[] RegisterBody(Uri appUrl)
    {
        var step = "{\"id\":\"step\",\"name\":\"step\",\"runtime\":{\"type\":\"http\",\"url\":\"" + appUrl + "?fnId=fake-fn&stepId=step\"}}";
        var function = "{\"id\":\"fake-fn\",\"name\":\"Fake\",\"triggers\":[{\"event\":\"test/order.placed\"}],\"steps\":{\"step\":" + step + "}}";
        return Encoding.UTF8.GetBytes("{\"url\":\"" + appUrl + "\",\"appName\":\"fake\",\"sdk\":\"fake:v1.0.0\",\"functions\":[" + function + "]}");
    }

    /// <summary>A hand-rolled app answering each call through <paramref name="answer"/> (given the attempt), and a cloud engine that synced it.</summary>
    private static async Task<(InngestEngine Engine, FakeApi App)> StartAsync(Func<RecordedRequest, int, (int Status, string Body, string? Signature)> answer)
    {
        var app = await FakeApi.StartAsync();
        app.Respond = (request, context) =>
        {
            var (status, body, signature) = answer(request, request.Json.GetProperty("ctx").GetProperty("attempt").GetInt32());
            context.Response.Headers["X-Inngest-SDK"] = "fake:v1.0.0";
            if (signature is not null)
            {
                context.Response.Headers["X-Inngest-Signature"] = signature;
            }

            return FakeApi.JsonAsync(context, status, body);
        };
        var engine = new InngestEngine(new InngestFunctionRegistry([]), EnginePair.Options(), new FakeTimeProvider(Keys.Now)) { HttpOptions = Cloud() };
        engine.RegisterApp(RegisterBody(new Uri(app.BaseUrl, "api/inngest")));
        return (engine, app);
    }

    [Fact]
    public async Task A_cloud_engine_signs_the_canonical_json_of_its_calls()
    {
        var (engine, app) = await StartAsync((_, _) => (200, "\"done\"", Keys.Sign("\"done\""u8.ToArray(), Keys.Signing)));
        await using (engine)
        await using (app)
        {
            await engine.SendAsync(new OrderPlaced("é<&>\u2028", 150));
            await EnginePair.RunAsync(engine);

            var call = Assert.Single(app.Requests);
            Assert.Equal("cloud", call.Header("X-Inngest-Server-Kind"));
            Assert.True(RequestSignature.Verify(call.Header("X-Inngest-Signature"), call.Body, Keys.Signing, null, Keys.Now).IsValid);

            // RFC 8785: members sorted at every level, no whitespace, strings escaped only where JSON must (the JS SDK
            // verifies canonicalize(JSON.parse(body)), so anything else fails its check).
            var text = Encoding.UTF8.GetString(call.Body);
            Assert.Contains("\"data\":{\"amount\":150,\"orderId\":\"é<&>\u2028\"}", text, StringComparison.Ordinal);
            AssertSorted(call.Json);
            Assert.DoesNotContain("\\u", text, StringComparison.Ordinal);
            Assert.DoesNotContain(" ", text.Replace("é<&>\u2028", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Equal(RunStatus.Completed, Assert.Single(engine.Runs).Status);
        }
    }

    [Theory]
    [InlineData(null, "it has no X-Inngest-Signature header")]
    [InlineData(Keys.Other, "its signature matches neither the engine's signing key nor its fallback key")]
    public async Task A_cloud_engine_refuses_an_answer_not_signed_with_its_key_and_calls_again(string? firstKey, string problem)
    {
        var (engine, app) = await StartAsync((_, attempt) =>
        {
            var key = attempt == 0 ? firstKey : Keys.Signing;
            return (200, "\"done\"", key is null ? null : Keys.Sign("\"done\""u8.ToArray(), key));
        });
        await using (engine)
        await using (app)
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);

            var run = Assert.Single(engine.Runs);
            Assert.Equal((RunStatus.Completed, "\"done\""), (run.Status, run.Result?.GetRawText()));
            var refused = run.Calls[0].Response;
            Assert.Equal((500, false, "ResponseSignatureError"), (refused.StatusCode, refused.NoRetry, refused.Error?.Name));
            Assert.Contains(problem, refused.Error!.Message, StringComparison.Ordinal);
            Assert.Equal(2, app.Requests.Count);
        }
    }

    [Fact]
    public async Task A_cloud_engine_takes_an_answer_signed_with_its_fallback_key_and_refuses_a_stale_one()
    {
        var (engine, app) = await StartAsync((_, attempt) => (200, "\"done\"", attempt == 0
            ? Keys.Sign("\"done\""u8.ToArray(), Keys.Signing, Keys.Now.AddMinutes(-6))
            : Keys.Sign("\"done\""u8.ToArray(), Keys.Fallback)));
        await using (engine)
        await using (app)
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);

            var run = Assert.Single(engine.Runs);
            Assert.Equal(RunStatus.Completed, run.Status);
            Assert.Contains("more than 5 minutes from the engine's clock", run.Calls[0].Response.Error!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_cloud_engine_reads_the_signature_of_a_streamed_answer_inside_its_final_value()
    {
        static string Streamed(string? signature) => "  " + new JsonObject
        {
            ["status"] = 200,
            ["headers"] = signature is null ? new JsonObject() : new JsonObject { ["X-Inngest-Signature"] = signature },
            ["body"] = "\"done\"",
        }.ToJsonString();

        // The 201's own header signs nothing it could: the answer did not exist when it was sent.
        var (engine, app) = await StartAsync((_, attempt) => attempt == 0
            ? (201, Streamed(null), Keys.Sign("\"done\""u8.ToArray(), Keys.Signing))
            : (201, Streamed(Keys.Sign("\"done\""u8.ToArray(), Keys.Signing)), null));
        await using (engine)
        await using (app)
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);

            var run = Assert.Single(engine.Runs);
            Assert.Equal((RunStatus.Completed, "\"done\""), (run.Status, run.Result?.GetRawText()));
            Assert.Contains("it has no X-Inngest-Signature header", run.Calls[0].Response.Error!.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_dev_engine_with_a_key_still_takes_unsigned_answers()
    {
        var (engine, app) = await StartAsync((_, _) => (200, "\"done\"", null));
        await using (engine)
        await using (app)
        {
            engine.HttpOptions = new InngestEngineHttpOptions { SigningKey = Keys.Signing };
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);

            Assert.Equal(RunStatus.Completed, Assert.Single(engine.Runs).Status);
            Assert.Single(app.Requests);
        }
    }

    [Fact]
    public async Task A_cloud_engine_registers_an_in_band_sync_only_when_the_reply_is_signed()
    {
        await using var app = await ServeApp.StartAsync(o =>
        {
            // Mid-rotation: the app verifies the engine's key as its fallback, and signs its reply with it.
            o.Cloud(Keys.Other, fallback: Keys.Signing);
            o.Time = TimeProvider.System;
            o.Functions.Add(TestFunctions.Hello);
        });
        using var stripper = new SignatureStripper { Strip = true };
        using var client = new HttpClient(stripper);
        await using var engine = new InngestEngine(new InngestFunctionRegistry([]), EnginePair.Options(), TimeProvider.System) { HttpOptions = Cloud(client) };

        var refused = await Assert.ThrowsAsync<InngestSyncException>(() => engine.RegisterAppAsync(app.ServeUrl));
        Assert.Contains("not signed as a cloud-mode server requires: it has no X-Inngest-Signature header. Nothing was registered.", refused.Message, StringComparison.Ordinal);
        Assert.Empty(engine.Apps);

        stripper.Strip = false;
        var sync = await engine.RegisterAppAsync(app.ServeUrl);
        Assert.Equal("in_band", sync.App.SyncKind);
        Assert.Equal(["app-hello"], sync.App.FunctionIds);
    }

    [Theory]
    [InlineData("SigningKey")]
    [InlineData("SigningKeyFallback")]
    public async Task A_dev_server_refuses_at_start_a_signing_key_it_cannot_check_register_requests_with(string option)
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(async () =>
        {
            await using var server = await DevServerApp.StartAsync(o =>
            {
                if (option == "SigningKey")
                {
                    o.SigningKey = "signkey-test-not-hex";
                }
                else
                {
                    o.SigningKeyFallback = "signkey-test-not-hex";
                }
            });
        });

        Assert.Contains($"InngestDevServerOptions.{option} is not usable", exception.Message, StringComparison.Ordinal);
        Assert.Contains("hexadecimal", exception.Message, StringComparison.Ordinal);
    }

    /// <summary>Object members in ordinal (UTF-16) order at every level.</summary>
    private static void AssertSorted(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var names = element.EnumerateObject().Select(p => p.Name).ToArray();
            Assert.Equal(names.Order(StringComparer.Ordinal), names);
            foreach (var property in element.EnumerateObject())
            {
                AssertSorted(property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                AssertSorted(item);
            }
        }
    }
}
