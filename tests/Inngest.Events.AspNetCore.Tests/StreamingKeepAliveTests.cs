using System.Net.Http.Headers;
using Inngest.Events.AspNetCore.Tests.Infrastructure;

namespace Inngest.Events.AspNetCore.Tests;

/// <summary>
/// Streamed answers (<c>INNGEST_STREAMING</c>): the keep-alive interval the endpoint uses when none is set, and the
/// signature of the final value (docs/protocol.md#call-responses).
/// </summary>
public sealed class StreamingKeepAliveTests
{
    [Fact]
    public async Task Without_a_setting_a_streamed_call_writes_a_keep_alive_every_3_seconds_of_the_clock()
    {
        Assert.Equal(TimeSpan.FromSeconds(3), new InngestServeOptions().StreamingHeartbeat);

        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var slow = TestFunctions.On("slow", Names.OrderPlaced, async invocation =>
        {
            var value = await invocation.Steps.RunAsync("wait", async () =>
            {
                await gate.Task;
                return "done";
            });
            return invocation.SerializeResult(value);
        });
        var time = new TimerWatchingTimeProvider(Keys.Now);
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud();
            o.Time = time;
            o.Config["INNGEST_STREAMING"] = "true";
            o.Functions.Add(slow);
        });

        var body = CallBodies.Create();
        using var request = new HttpRequestMessage(HttpMethod.Post, new UriBuilder(app.ServeUrl) { Query = CallBodies.Query("app-slow") }.Uri)
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Inngest-Signature", Keys.Sign(body, Keys.Signing));

        // The 201 arrives at once, before any keep-alive and while the step is blocked.
        using var response = await app.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        await using var stream = await response.Content.ReadAsStreamAsync();

        // The endpoint waits 3 s of its clock for each keep-alive: one space when they pass, none before.
        Assert.Equal(TimeSpan.FromSeconds(3), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromSeconds(3));
        var space = new byte[1];
        Assert.Equal(1, await stream.ReadAsync(space));
        Assert.Equal((byte)' ', space[0]);

        Assert.Equal(TimeSpan.FromSeconds(3), await time.NextTimerAsync());
        time.Advance(TimeSpan.FromSeconds(3) - TimeSpan.FromMilliseconds(1));
        gate.SetResult();

        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest);
        var text = Encoding.UTF8.GetString(rest.ToArray());
        Assert.StartsWith("{", text, StringComparison.Ordinal);
        Assert.Equal(206, JsonDocument.Parse(text).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData(Keys.Signing)]
    [InlineData(Keys.Fallback)]
    public async Task A_streamed_answer_to_a_signed_call_is_signed_inside_its_final_value_with_the_key_that_verified_it(string key)
    {
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud(Keys.Signing, Keys.Fallback);
            o.Serve = s => s.Streaming = true;
            o.Functions.Add(TestFunctions.Serial);
        });

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-serial"), CallBodies.Create(), sign: key);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Null(ResponseAssert.Header(response, "X-Inngest-Signature"));
        var envelope = await ResponseAssert.JsonAsync(response);
        var body = Encoding.UTF8.GetBytes(envelope.GetProperty("body").GetString()!);
        var signature = envelope.GetProperty("headers").GetProperty("X-Inngest-Signature").GetString();
        Assert.Equal(key, RequestSignature.Verify(signature, body, Keys.Signing, Keys.Fallback, Keys.Now).KeyUsed);
        Assert.Equal(206, envelope.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task A_streamed_answer_to_an_unsigned_call_in_dev_mode_carries_no_signature()
    {
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Dev();
            o.Cloud();
            o.Serve = s => s.Streaming = true;
            o.Functions.Add(TestFunctions.Serial);
        });

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-serial"), CallBodies.Create());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var envelope = await ResponseAssert.JsonAsync(response);
        Assert.Equal(206, envelope.GetProperty("status").GetInt32());
        Assert.False(envelope.GetProperty("headers").TryGetProperty("X-Inngest-Signature", out _));
    }
}
