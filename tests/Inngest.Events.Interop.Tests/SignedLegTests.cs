using System.Net;
using System.Text;
using Inngest.Events.Engine;
using Inngest.Events.Interop.Tests.Engine;
using Inngest.Events.Interop.Tests.Infrastructure;
using Inngest.Events.Interop.Tests.Signed;
using Xunit.Abstractions;
using EngineRun = Inngest.Events.Engine.RunRecord;

namespace Inngest.Events.Interop.Tests;

/// <summary>
/// The signed leg: the engine as a cloud-mode server with a signing key, and the official JS SDK app and ours in cloud
/// mode with the same key as fallback during a rotation (<see cref="SignedRotation"/>). Every call the engine sends is
/// signed and verified by the app, every answer is signed by the app and verified by the engine, and each side is shown
/// refusing what is unsigned or wrongly signed. Syncs get past a refused primary key with the fallback.
/// </summary>
[Collection(SignedLegCollection.Name)]
public sealed class SignedLegTests(SignedLegFixture fixture, ITestOutputHelper output)
{
    private const string ChildFunction = "interop-invoke-child";

    /// <summary>Engine-leg scenarios (<see cref="EngineScenarioTests.All"/>) whose runs end without a timer firing, so the clocks stay put.</summary>
    private static readonly string[] Scenarios =
    [
        "two serial steps",
        "parallel steps, one retried, one sending an event",
        "a step fails for good and is caught",
        "a non-retriable step error",
        "wait for event, matched",
        "invoke",
        "send events from a step",
    ];

    public static TheoryData<string> Rotations => new(SignedRotation.All.Keys);

    public static TheoryData<string, string> RotationsAndScenarios
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var rotation in SignedRotation.All.Keys)
            {
                foreach (var scenario in Scenarios)
                {
                    data.Add(rotation, scenario);
                }
            }

            return data;
        }
    }

    public static TheoryData<string, Tamper> RotationsAndTampers
    {
        get
        {
            var data = new TheoryData<string, Tamper>();
            foreach (var rotation in SignedRotation.All.Keys)
            {
                foreach (var tamper in Enum.GetValues<Tamper>().Where(t => t != Tamper.None))
                {
                    data.Add(rotation, tamper);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Rotations))]
    public void Both_apps_sync_by_retrying_with_the_fallback_key_when_the_server_refuses_the_primary(string rotation)
    {
        var rig = fixture[rotation];
        var primary = "Bearer " + SigningKeys.HashForBearer(rig.Rotation.AppKey);
        var fallback = "Bearer " + SigningKeys.HashForBearer(rig.Rotation.AppFallback);

        foreach (var side in rig.Sides)
        {
            Assert.True(
                side.Gate.Requests.SequenceEqual([(primary, rig.Rotation.RefusedWith), (fallback, 200)]),
                $"{side}: the register requests were [{string.Join(", ", side.Gate.Requests.Select(r => $"{Token(r.Authorization, rig)} -> {r.Status}"))}], "
                + $"not [primary -> {rig.Rotation.RefusedWith}, fallback -> 200].\n{side.Log}");
            Assert.Equal(("interop", "out_of_band", side.ServeUrl), (side.Sync!.App.AppId, side.Sync.App.SyncKind, side.Sync.App.Url));

            // The PUT that asked for the sync was signed with the server's key, and the app, having verified it with its
            // fallback, signed its reply with that key.
            var put = Assert.Single(side.Traffic.Exchanges, e => e.Method == "PUT");
            AssertSigned(side, put, rig.Rotation.EngineKey);
            Assert.Equal(200, put.AnswerStatus);
        }
    }

    [Theory]
    [MemberData(nameof(RotationsAndScenarios))]
    public async Task The_engine_ends_the_JS_run_and_ours_alike_with_every_call_and_answer_signed(string rotation, string name)
    {
        var rig = fixture[rotation];
        var scenario = EngineScenarioTests.All[name];

        var jsRun = await PlayAsync(rig, rig.Js, scenario);
        var dotnetRun = await PlayAsync(rig, rig.Dotnet, scenario);
        var js = EngineTranscript.Of(rig.Js.Engine.Engine, jsRun);
        var dotnet = EngineTranscript.Of(rig.Dotnet.Engine.Engine, dotnetRun);

        output.WriteLine(js.ToString());
        Assert.True(scenario.Expected == jsRun.Status, $"The JS run ended {jsRun.Status}, not {scenario.Expected}:\n{js}\n--- JS SDK server log ---\n{rig.Js.Log}");
        InteropAssert.SameLines("the engine's JS run", js.Lines, js.Applied, "the engine's .NET run", dotnet.Lines, dotnet.Applied, rig.Js.Log);
        InteropAssert.Documented(js.Applied.Keys.Concat(dotnet.Applied.Keys));

        foreach (var (side, run) in new[] { (rig.Js, jsRun), (rig.Dotnet, dotnetRun) })
        {
            var calls = side.Traffic.Exchanges.Where(e => e.RunId == run.RunId).ToArray();
            Assert.Equal(run.Calls.Count, calls.Length);
            foreach (var exchange in side.Traffic.Exchanges.Where(e => e.Tamper == Tamper.None))
            {
                AssertSigned(side, exchange, rig.Rotation.EngineKey);
                Assert.Equal(rig.Rotation.Streaming && exchange.Method == "POST" ? 201 : exchange.AnswerStatus, exchange.Status);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Rotations))]
    public async Task The_apps_refuse_calls_unsigned_or_wrongly_signed_and_run_the_signed_one(string rotation)
    {
        var rig = fixture[rotation];
        var key = rig.Rotation.EngineKey;
        var now = TimeProvider.System.GetUtcNow();
        var body = DirectCall(n: 4);
        var cases = new (string Case, byte[] Body, string? Signature)[]
        {
            ("unsigned", body, null),
            ("signed with a key the app does not have", body, RequestSignature.CreateHeader(body, SignedRotation.StrangerKey, now)),
            ("signed six minutes ago", body, RequestSignature.CreateHeader(body, key, now.AddMinutes(-6))),
            ("signed six minutes ahead", body, RequestSignature.CreateHeader(body, key, now.AddMinutes(6))),
            ("signed, then the event changed", DirectCall(n: 5), RequestSignature.CreateHeader(body, key, now)),
            ("signed with t but no s", body, "t=" + now.ToUnixTimeSeconds()),
        };

        foreach (var side in rig.Sides)
        {
            // KD-streamed-refusal: with streaming on, the JS SDK streams its refusal too (201, then the 401 inside);
            // ours refuses before streaming anything (a plain 401).
            var refusedOuter = rig.Rotation.Streaming && side == rig.Js ? 201 : 401;
            foreach (var (what, sent, signature) in cases)
            {
                var answer = await PostAsync(rig, side, sent, signature);
                Assert.True((answer.Outer, answer.Status) == (refusedOuter, 401),
                    $"{side} answered {answer.Outer}/{answer.Status} to a call {what}, not {refusedOuter}/401: {answer.Body}\n{side.Log}");
                Assert.Null(answer.Signature);
            }

            var valid = await PostAsync(rig, side, body, RequestSignature.CreateHeader(body, key, now));
            Assert.True((valid.Outer, valid.Status) == (rig.Rotation.Streaming ? 201 : 206, 206),
                $"{side} answered {valid.Outer}/{valid.Status} to a call signed with the server's key, not 206: {valid.Body}\n{side.Log}");
            Assert.True(RequestSignature.TryParse(valid.Signature, out var parsed) && parsed.Matches(Encoding.UTF8.GetBytes(valid.Body), key),
                $"{side}'s answer to a signed call is not signed with the key that verified it: '{valid.Signature}'");
            var op = Assert.Single(JsonDocument.Parse(valid.Body).RootElement.EnumerateArray());
            Assert.Equal(("StepRun", "8"), (op.GetProperty("op").GetString(), op.GetProperty("data").GetRawText()));
        }

        if (rig.Rotation.Streaming)
        {
            InteropAssert.Documented(["KD-streamed-refusal"]);
        }
    }

    [Theory]
    [MemberData(nameof(RotationsAndTampers))]
    public async Task The_engine_refuses_an_answer_the_app_did_not_sign_and_calls_again(string rotation, Tamper tamper)
    {
        var rig = fixture[rotation];
        var expected = tamper switch
        {
            Tamper.UnsignedCall or Tamper.WrongKeyCall => "(Unauthorized) is not signed as a cloud-mode server requires: it has no X-Inngest-Signature header. The app refused the engine's call",
            Tamper.UnsignedAnswer => "is not signed as a cloud-mode server requires: it has no X-Inngest-Signature header.",
            Tamper.StaleAnswer => "is not signed as a cloud-mode server requires: its signature's timestamp is more than 5 minutes from the engine's clock.",
            _ => "is not signed as a cloud-mode server requires: its signature matches neither the engine's signing key nor its fallback key.",
        };
        var n = 10 + (int)tamper;

        foreach (var side in rig.Sides)
        {
            side.Traffic.Arm(ChildFunction, tamper);
            var id = $"evt-tamper-{rig.Rotation.Name}-{tamper}".Replace(' ', '-');
            await rig.SendAsync(side, new JsonObject
            {
                ["name"] = "test/child.requested",
                ["data"] = new JsonObject { ["n"] = n },
                ["id"] = id,
                ["ts"] = 1717000000000,
            });
            await side.Engine.RunAsync();

            var run = Assert.Single(side.Engine.Engine.Runs, r => r.FunctionId == "invoke-child" && r.Event.GetProperty("id").GetString() == id);
            var tampered = Assert.Single(side.Traffic.Exchanges, e => e.RunId == run.RunId && e.Tamper == tamper);
            var first = run.Calls[0];
            var where = $"{side}, {tamper}: {TrafficRecorder.Describe(side.Traffic.Exchanges.Where(e => e.RunId == run.RunId))}\n{side.Log}";
            Assert.True(first.Response.Error is { Name: "ResponseSignatureError" } error && error.Message.Contains(expected, StringComparison.Ordinal),
                $"The engine took the tampered answer as {first.Response.StatusCode} {first.Response.Error?.Name}: {first.Response.Error?.Message}\n{where}");
            Assert.Equal((500, false), (first.Response.StatusCode, first.Response.NoRetry));
            Assert.Equal(tamper is Tamper.UnsignedCall or Tamper.WrongKeyCall ? 401 : 206, tampered.AnswerStatus);

            // The next attempt is not tampered with: it passes, and the run ends as it would have.
            Assert.Equal((1, 206), (run.Calls[1].Request.Ctx.Attempt, run.Calls[1].Response.StatusCode));
            Assert.True(run.Status == RunStatus.Completed, $"The run ended {run.Status}: {run.Error?.Message}\n{where}");
            Assert.Equal($$"""{"doubled":{{2 * n}}}""", run.Result?.GetRawText());
        }
    }

    [Theory]
    [MemberData(nameof(Rotations))]
    public async Task Calls_carrying_numbers_and_text_that_json_writes_in_many_ways_verify_in_both_apps(string rotation)
    {
        // The engine signs the canonical form (RFC 8785) of each call; the JS SDK verifies over its own canonicalize of
        // the parsed body. Data whose JSON has many spellings (number forms, escapes, member order) must come out the
        // same on both sides, or the JS SDK refuses the call.
        var rig = fixture[rotation];
        const string data = """
            {"n": 7, "z": {"\u00e9": 1, "a": 2, "\u20ac": 3, "\ud83d\ude00": 4, "\ufb33": 5, "\u0080": 6, "Z": 7, "\r": 8},
             "numbers": [1.0, 1.50, 1e2, 1E30, 2e-3, 1.5e-7, 0.000001, 123456789012345678901, 333333333.33333329, -0, 5e-324, 1.7976931348623157e308, 9007199254740993],
             "text": "\u00e9<&>'\u2028\u2029\u007f\u0080\u0000\u001f\b\f\n\r\t\"\\\/\ud83d\ude00"}
            """;

        foreach (var side in rig.Sides)
        {
            var id = $"evt-spellings-{rig.Rotation.Name}".Replace(' ', '-');
            var evt = new JsonObject { ["name"] = "test/child.requested", ["data"] = JsonNode.Parse(data), ["id"] = id, ["ts"] = 1717000000000 };
            await rig.SendAsync(side, evt);
            await side.Engine.RunAsync();

            var run = Assert.Single(side.Engine.Engine.Runs, r => r.FunctionId == "invoke-child" && r.Event.GetProperty("id").GetString() == id);
            var where = $"{side}: {TrafficRecorder.Describe(side.Traffic.Exchanges.Where(e => e.RunId == run.RunId))}\n{side.Log}";
            Assert.True(run.Calls.All(c => c.Response.StatusCode is 200 or 206), $"A call was not taken: {string.Join(", ", run.Calls.Select(c => $"{c.Response.StatusCode} {c.Response.Error?.Message}"))}\n{where}");
            Assert.Equal("""{"doubled":14}""", run.Result?.GetRawText());
            foreach (var exchange in side.Traffic.Exchanges.Where(e => e.RunId == run.RunId))
            {
                AssertSigned(side, exchange, rig.Rotation.EngineKey);
            }
        }
    }

    /// <summary>
    /// <c>KD-signed-body-bytes</c>: both SDKs sign and verify HMAC-SHA256 over a body, but the JS SDK verifies
    /// over <c>canonicalize(JSON.parse(body))</c> while ours verifies the raw bytes. Inngest sends canonical JSON (RFC 8785),
    /// so the two agree on every call it makes; they differ on a body whose bytes are not canonical.
    /// </summary>
    [Fact]
    public async Task KD_signed_body_bytes_JS_verifies_the_canonical_JSON_and_we_the_bytes_received()
    {
        var rig = fixture[SignedRotation.ServerAhead.Name];
        var key = rig.Rotation.EngineKey;
        var now = TimeProvider.System.GetUtcNow();
        var canonical = DirectCall(n: 6);
        var spaced = Encoding.UTF8.GetBytes(JsonNode.Parse(canonical)!.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        // The signature over the canonical form, the bytes spaced out: the JS SDK runs the call, we refuse it.
        var jsCanonical = await PostAsync(rig, rig.Js, spaced, RequestSignature.CreateHeader(canonical, key, now));
        var dotnetCanonical = await PostAsync(rig, rig.Dotnet, spaced, RequestSignature.CreateHeader(canonical, key, now));

        // The signature over the spaced bytes: we run the call, the JS SDK refuses it.
        var jsBytes = await PostAsync(rig, rig.Js, spaced, RequestSignature.CreateHeader(spaced, key, now));
        var dotnetBytes = await PostAsync(rig, rig.Dotnet, spaced, RequestSignature.CreateHeader(spaced, key, now));

        Assert.Equal((206, 401, 401, 206), (jsCanonical.Status, dotnetCanonical.Status, jsBytes.Status, dotnetBytes.Status));
        InteropAssert.Documented(["KD-signed-body-bytes"]);
    }

    private static async Task<EngineRun> PlayAsync(SignedRig rig, SignedSide side, EngineScenario scenario)
    {
        await rig.SendAsync(side, scenario.Trigger);
        await side.Engine.RunAsync();
        if (scenario.Then is { } then)
        {
            await rig.SendAsync(side, then);
        }

        await side.Engine.RunAsync();
        return side.Engine.Engine.Runs.SingleOrDefault(r => r.FunctionId == scenario.FunctionId
                && r.Event.TryGetProperty("data", out var data) && data.TryGetProperty("userId", out var user) && user.GetString() == scenario.UserId)
            ?? throw new InvalidOperationException($"No run of {scenario.FunctionId} for {scenario.UserId} on {side}.");
    }

    /// <summary>The exchange's call verifies with <paramref name="key"/> over the bytes sent, and its answer (or streamed answer) with the same key.</summary>
    private static void AssertSigned(SignedSide side, TrafficExchange exchange, string key)
    {
        Assert.True(exchange.ServerKind == InngestHeaders.CloudServerKind, $"{side}: {exchange} announced server kind '{exchange.ServerKind}', not cloud.");
        Assert.True(RequestSignature.TryParse(exchange.CallSignature, out var call) && call.Matches(exchange.CallBody, key),
            $"{side}: the engine's {exchange} is not signed with the server's key: '{exchange.CallSignature}'.");
        Assert.True(RequestSignature.TryParse(exchange.AnswerSignature, out var answer) && answer.Matches(exchange.AnswerBody, key),
            $"{side}: the answer to {exchange} is not signed with the server's key: '{exchange.AnswerSignature}' over {Encoding.UTF8.GetString(exchange.AnswerBody)}\n{side.Log}");
    }

    /// <summary>A discovery call of <c>invoke-child</c> for <c>{"n": n}</c>, in canonical JSON (as Inngest sends it).</summary>
    private static byte[] DirectCall(int n)
    {
        var evt = $$"""{"data":{"n":{{n}}},"id":"evt-direct-{{n}}","name":"test/child.requested","ts":1717000000000}""";
        return Encoding.UTF8.GetBytes(
            $$"""{"ctx":{"attempt":0,"disable_immediate_execution":false,"env":"","fn_id":"direct","max_attempts":5,"run_id":"01JDIRECTCALL{{n:D13}}","stack":{"current":0,"stack":[]},"step_id":"step","use_api":false},"event":{{evt}},"events":[{{evt}}],"steps":{},"use_api":false,"version":-1}""");
    }

    /// <summary>POSTs a call to a side's app directly; a streamed answer is read as its final value.</summary>
    private static async Task<(int Outer, int Status, string Body, string? Signature)> PostAsync(SignedRig rig, SignedSide side, byte[] body, string? signature)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(side.ServeUrl + "?fnId=" + ChildFunction + "&stepId=step"))
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(InngestHeaders.ServerKind, InngestHeaders.CloudServerKind);
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation(InngestHeaders.Signature, signature);
        }

        using var response = await rig.Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.Created)
        {
            return ((int)response.StatusCode, (int)response.StatusCode, text, response.Headers.TryGetValues(InngestHeaders.Signature, out var values) ? string.Join(",", values) : null);
        }

        var streamed = JsonNode.Parse(text.TrimStart())!.AsObject();
        var headers = streamed["headers"]?.AsObject();
        var inner = headers?.FirstOrDefault(h => string.Equals(h.Key, InngestHeaders.Signature, StringComparison.OrdinalIgnoreCase)).Value?.GetValue<string>();
        return (201, streamed["status"]!.GetValue<int>(), streamed["body"]?.GetValue<string>() ?? string.Empty, inner);
    }

    private static string Token(string? authorization, SignedRig rig)
        => authorization == "Bearer " + SigningKeys.HashForBearer(rig.Rotation.AppKey) ? "primary"
            : authorization == "Bearer " + SigningKeys.HashForBearer(rig.Rotation.AppFallback) ? "fallback"
            : authorization ?? "(none)";
}
