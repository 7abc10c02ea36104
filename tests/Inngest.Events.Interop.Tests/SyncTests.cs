using System.Net.Http.Headers;
using Inngest.Events.Expressions;
using Inngest.Events.Generated;
using Inngest.Events.Interop.Tests.Executor;
using Inngest.Events.Interop.Tests.Functions;
using Inngest.Events.Interop.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Inngest.Events.Interop.Tests;

/// <summary>
/// The JS SDK's introspection (GET) and sync (PUT, which makes it POST <c>/fn/register</c> to the fake API) for the
/// interop functions, compared with what <see cref="FunctionConfigWriter"/> writes for their .NET twins. The
/// register body's envelope and headers are pinned as the reference for our serve endpoint (docs/interop.md).
/// </summary>
[Collection(JsSdkCollection.Name)]
public sealed class SyncTests(InteropFixture fixture, ITestOutputHelper output)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static InngestFunctionRegistry Registry => InngestGeneratedFunctions.CreateRegistry(InteropFunctions.AppId);

    [Fact]
    public async Task Sync_registers_the_function_configs_FunctionConfigWriter_writes()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var before = fixture.Api.Requests.Count;
        using var put = new HttpRequestMessage(HttpMethod.Put, fixture.Js.ServeUrl);
        put.Headers.TryAddWithoutValidation("X-Inngest-Server-Kind", "dev");
        using var response = await fixture.Http.SendAsync(put, cancellation.Token);
        var answer = await response.Content.ReadAsStringAsync(cancellation.Token);
        Assert.True(response.IsSuccessStatusCode, answer);
        Assert.Equal("""{"message":"Successfully registered","modified":false}""", Transcript.Canonical(JsonNode.Parse(answer)));

        var register = Assert.Single(fixture.Api.Requests, r => r.Index >= before && r.Path == "/fn/register");
        Assert.Equal("POST", register.Method);
        Assert.Equal("out_of_band", register.Header("x-inngest-sync-kind"));
        Assert.Equal("dev", register.Header("x-inngest-expected-server-kind"));
        Assert.Equal($"inngest-js:v{NodeTooling.PinnedInngestVersion()}", register.Header("x-inngest-sdk"));

        // JS-register-authorization: without a signing key the JS SDK sends the literal "Bearer undefined"; the dev
        // server ignores it. Our serve endpoint should send no Authorization header at all then.
        Assert.Equal("Bearer undefined", register.Header("authorization"));

        var body = register.Json()!.AsObject();
        var appUrl = new Uri(body["url"]!.GetValue<string>());
        Assert.Equal(fixture.Js.ServeUrl, appUrl);
        Assert.Equal(InteropFunctions.AppId, body["appName"]!.GetValue<string>());
        Assert.Equal(("ping", "0.1", $"js:v{NodeTooling.PinnedInngestVersion()}"), (body["deployType"]!.GetValue<string>(), body["v"]!.GetValue<string>(), body["sdk"]!.GetValue<string>()));
        Assert.Equal("""{"connect":"v1","trust_probe":"v1"}""", Transcript.Canonical(body["capabilities"]));

        // The function configs, by id: the same ids, and for each the same config.
        var jsConfigs = body["functions"]!.AsArray().Select(f => f!.AsObject()).ToDictionary(f => f["id"]!.GetValue<string>());
        var ourConfigs = Registry.Functions.ToDictionary(f => f.CompositeId(InteropFunctions.AppId), f => Write(f, appUrl));
        Assert.Equal(jsConfigs.Keys.Order(StringComparer.Ordinal), ourConfigs.Keys.Order(StringComparer.Ordinal));
        output.WriteLine(Transcript.Canonical(body));
        foreach (var (id, js) in jsConfigs)
        {
            output.WriteLine($"{id}: {Canonical(ourConfigs[id])}");
            Assert.Equal($"{id}: {Canonical(js)}", $"{id}: {Canonical(ourConfigs[id])}");
        }

        InteropAssert.Documented(["N-expression-text", "N-duration-units", "JS-register-authorization"]);
    }

    [Fact]
    public async Task Our_serve_endpoint_syncs_the_same_function_configs_as_the_JS_SDK()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var js = await SyncAsync(fixture.Js.ServeUrl, cancellation.Token);
        var ours = await SyncAsync(fixture.Serve.ServeUrl, cancellation.Token);

        Assert.Equal(("POST", "out_of_band", "dev"), (ours.Method, ours.Header("x-inngest-sync-kind"), ours.Header("x-inngest-expected-server-kind")));
        Assert.Equal(DotnetServeApp.SdkHeader, ours.Header("x-inngest-sdk"));

        // JS-register-authorization: JS sends "Bearer undefined" without a key; we send no Authorization header then.
        Assert.Equal("Bearer undefined", js.Header("authorization"));
        Assert.False(ours.Headers.ContainsKey("authorization"), "our register request carries an Authorization header in dev mode");

        var jsBody = js.Json()!.AsObject();
        var ourBody = ours.Json()!.AsObject();
        Assert.Equal(fixture.Serve.ServeUrl, new Uri(ourBody["url"]!.GetValue<string>()));
        foreach (var key in new[] { "appName", "deployType", "v" })
        {
            Assert.Equal($"{key}: {Transcript.Canonical(jsBody[key])}", $"{key}: {Transcript.Canonical(ourBody[key])}");
        }

        // KD-capabilities: each SDK advertises what it implements: JS Connect (WebSocket workers), we in-band sync.
        Assert.Equal("{\"connect\":\"v1\",\"trust_probe\":\"v1\"}", Transcript.Canonical(jsBody["capabilities"]));
        Assert.Equal("{\"in_band_sync\":\"v1\",\"trust_probe\":\"v1\"}", Transcript.Canonical(ourBody["capabilities"]));

        // The configs name each SDK's own URL; with that replaced, every config is the same.
        var jsConfigs = Configs(jsBody, fixture.Js.ServeUrl);
        var ourConfigs = Configs(ourBody, fixture.Serve.ServeUrl);
        Assert.Equal(jsConfigs.Keys.Order(StringComparer.Ordinal), ourConfigs.Keys.Order(StringComparer.Ordinal));
        foreach (var (id, config) in jsConfigs)
        {
            Assert.Equal($"{id}: {config}", $"{id}: {ourConfigs[id]}");
        }

        InteropAssert.Documented(["N-expression-text", "N-duration-units", "JS-register-authorization", "KD-capabilities"]);
    }

    [Fact]
    public async Task Introspection_counts_the_same_functions_and_has_the_unauthenticated_shape()
    {
        using var cancellation = new CancellationTokenSource(Timeout);
        var (jsStatus, js) = await IntrospectAsync(fixture.Js.ServeUrl, cancellation.Token);
        var (ourStatus, ours) = await IntrospectAsync(fixture.Serve.ServeUrl, cancellation.Token);

        Assert.Equal(200, jsStatus);
        Assert.Equal(
            ["extra", "function_count", "has_event_key", "has_signing_key", "mode", "schema_version"],
            js.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Equal(("dev", "2024-05-24", true, false), (
            js["mode"]!.GetValue<string>(),
            js["schema_version"]!.GetValue<string>(),
            js["has_event_key"]!.GetValue<bool>(),
            js["has_signing_key"]!.GetValue<bool>()));

        // Failure handlers count as functions on both sides.
        Assert.Equal(Registry.Functions.Count, js["function_count"]!.GetValue<int>());

        // Our MapInngest, unsigned in dev mode, answers the same body plus the two keys the protocol brief lists and JS
        // 4.24 leaves out (KD-introspection-keys); the shared keys have the same values (extra is an object on both;
        // what goes in it is SDK-specific).
        Assert.Equal(200, ourStatus);
        Assert.Equal(
            js.Select(p => p.Key).Concat(["authentication_succeeded", "has_signing_key_fallback"]).Order(StringComparer.Ordinal),
            ours.Select(p => p.Key).Order(StringComparer.Ordinal));
        Assert.Null(ours["authentication_succeeded"]);
        Assert.False(ours["has_signing_key_fallback"]!.GetValue<bool>());
        InteropAssert.Documented(["KD-introspection-keys"]);
        foreach (var key in new[] { "function_count", "has_event_key", "has_signing_key", "mode", "schema_version" })
        {
            Assert.True(JsonNode.DeepEquals(js[key], ours[key]), $"{key}: JS {js[key]?.ToJsonString()}, ours {ours[key]?.ToJsonString()}");
        }

        Assert.Equal(JsonValueKind.Object, ours["extra"]!.GetValueKind());
    }

    private async Task<(int Status, JsonObject Body)> IntrospectAsync(Uri serveUrl, CancellationToken cancellationToken)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, serveUrl);
        get.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await fixture.Http.SendAsync(get, cancellationToken);
        return ((int)response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject());
    }

    /// <summary>PUTs the serve URL as the dev server does and returns the register request the SDK then posted.</summary>
    private async Task<ApiRequest> SyncAsync(Uri serveUrl, CancellationToken cancellationToken)
    {
        var before = fixture.Api.Requests.Count;
        using var put = new HttpRequestMessage(HttpMethod.Put, serveUrl);
        put.Headers.TryAddWithoutValidation("X-Inngest-Server-Kind", "dev");
        using var response = await fixture.Http.SendAsync(put, cancellationToken);
        var answer = await response.Content.ReadAsStringAsync(cancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"PUT {serveUrl} answered {(int)response.StatusCode}: {answer}");
        return Assert.Single(fixture.Api.Requests, r => r.Index >= before && r.Path == "/fn/register");
    }

    /// <summary>The function configs of a register body by id, canonical, with the app's URL written as <c>{url}</c>.</summary>
    private static Dictionary<string, string> Configs(JsonObject body, Uri serveUrl)
        => body["functions"]!.AsArray().Select(f => f!.AsObject()).ToDictionary(
            f => f["id"]!.GetValue<string>(),
            f => Canonical(f).Replace(serveUrl.AbsoluteUri, "{url}", StringComparison.Ordinal));

    private static JsonObject Write(InngestFunctionDefinition function, Uri appUrl)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            FunctionConfigWriter.Write(writer, function, InteropFunctions.AppId, appUrl);
        }

        return JsonNode.Parse(buffer.ToArray())!.AsObject();
    }

    /// <summary>A config with expressions compared by syntax tree and durations by length (N-expression-text, N-duration-units).</summary>
    private static string Canonical(JsonObject config)
    {
        var copy = config.DeepClone().AsObject();
        foreach (var trigger in copy["triggers"]?.AsArray() ?? [])
        {
            Expression(trigger!.AsObject(), "expression");
        }

        foreach (var cancel in copy["cancel"]?.AsArray() ?? [])
        {
            Expression(cancel!.AsObject(), "if");
            if (cancel["timeout"] is JsonValue timeout && TimeStrings.TryParse(timeout.GetValue<string>(), out var duration))
            {
                cancel["timeout"] = TimeStrings.Format(duration);
            }
        }

        return Transcript.Canonical(copy);
    }

    private static void Expression(JsonObject node, string property)
    {
        if (node[property] is JsonValue value && value.TryGetValue<string>(out var text))
        {
            node[property] = ExpressionParser.Parse(text).ToString();
        }
    }
}
