using System.Net.Http.Headers;
using Inngest.Events.AspNetCore.Tests.Infrastructure;
using Inngest.Events.Engine;

namespace Inngest.Events.AspNetCore.Tests;

/// <summary>
/// Streamed answers (<c>INNGEST_STREAMING</c>, docs/protocol.md#call-responses): 201 at once, keep-alive spaces while the
/// function runs, then <c>{"status","headers","body"}</c>; and the engine's HTTP driver reads them like plain answers.
/// </summary>
public sealed class StreamingTests
{
    [Fact]
    public async Task A_streamed_call_answers_201_at_once_sends_keep_alives_then_the_real_answer()
    {
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
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Dev();
            o.Time = TimeProvider.System;
            o.Config["INNGEST_STREAMING"] = "true";
            o.Serve = s => s.StreamingHeartbeat = TimeSpan.FromMilliseconds(20);
            o.Functions.Add(slow);
        });

        using var request = new HttpRequestMessage(HttpMethod.Post, new UriBuilder(app.ServeUrl) { Query = CallBodies.Query("app-slow") }.Uri)
        {
            Content = new ByteArrayContent(CallBodies.Create()),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await app.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        // The headers arrive while the step is still blocked.
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        ResponseAssert.HasProtocolHeaders(response);
        Assert.False(gate.Task.IsCompleted);

        await using var stream = await response.Content.ReadAsStreamAsync();
        var keepAlives = new byte[3];
        var read = 0;
        while (read < keepAlives.Length)
        {
            var n = await stream.ReadAsync(keepAlives.AsMemory(read));
            Assert.NotEqual(0, n);
            read += n;
        }

        Assert.Equal("   ", Encoding.UTF8.GetString(keepAlives));
        gate.SetResult();

        using var rest = new MemoryStream();
        await stream.CopyToAsync(rest);
        var envelope = JsonDocument.Parse(rest.ToArray()).RootElement;
        Assert.Equal(206, envelope.GetProperty("status").GetInt32());
        Assert.Equal(2, envelope.GetProperty("version").GetInt32());
        Assert.Equal("2", envelope.GetProperty("headers").GetProperty("X-Inngest-Req-Version").GetString());
        var op = Assert.Single(JsonDocument.Parse(envelope.GetProperty("body").GetString()!).RootElement.EnumerateArray());
        Assert.Equal(("StepRun", "\"done\""), (op.GetProperty("op").GetString(), op.GetProperty("data").GetRawText()));
    }

    [Fact]
    public async Task A_streamed_error_keeps_its_status_and_no_retry_header_inside_the_envelope()
    {
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud();
            o.Serve = s => s.Streaming = true;
            o.Functions.Add(TestFunctions.NonRetriable);
        });

        using var response = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-non-retriable"), CallBodies.Create(), sign: Keys.Signing);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var envelope = await ResponseAssert.JsonAsync(response);
        Assert.Equal(400, envelope.GetProperty("status").GetInt32());
        Assert.Equal("true", envelope.GetProperty("headers").GetProperty("X-Inngest-No-Retry").GetString());
        Assert.Equal("NonRetriableException", JsonDocument.Parse(envelope.GetProperty("body").GetString()!).RootElement.GetProperty("name").GetString());
    }

    [Fact]
    public async Task Unsigned_calls_and_trust_probes_are_not_streamed()
    {
        await using var app = await ServeApp.StartAsync(o =>
        {
            o.Cloud();
            o.Serve = s => s.Streaming = true;
            o.Functions.Add(TestFunctions.Hello);
        });

        using var unsigned = await app.SendAsync(HttpMethod.Post, CallBodies.Query("app-hello"), CallBodies.Create());
        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);

        using var probe = await app.SendAsync(HttpMethod.Post, "probe=trust", [], sign: Keys.Signing);
        Assert.Equal(HttpStatusCode.OK, probe.StatusCode);
    }

    [Theory]
    [InlineData("maybe")]
    [InlineData("2")]
    public async Task An_unreadable_INNGEST_STREAMING_fails_at_start_naming_the_value(string value)
    {
        var exception = await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await using var app = await ServeApp.StartAsync(o =>
            {
                o.Dev();
                o.Config["INNGEST_STREAMING"] = value;
                o.Functions.Add(TestFunctions.Hello);
            });
            using var response = await app.SendAsync(HttpMethod.Get);
        });

        var configuration = Assert.IsType<InngestConfigurationException>(exception.GetBaseException());
        Assert.Contains("INNGEST_STREAMING", configuration.Message, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", configuration.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_engine_runs_functions_served_with_streaming_like_the_in_memory_run()
    {
        await using var pair = await EnginePair.StartAsync(signed: true, o => o.Serve = s => s.Streaming = true, TestFunctions.Parallel, TestFunctions.Flaky);

        var (memory, http) = await pair.PlayAsync("parallel", async (engine, _) =>
        {
            await engine.SendAsync(new OrderPlaced("o1"));
            await EnginePair.RunAsync(engine);
        });

        Assert.Equal(RunStatus.Completed, http.Status);
        Assert.Equal("\"ABC\"", http.Result?.GetRawText());
        RunComparison.Equal(memory, http);

        var flaky = Assert.Single(pair.Http.Runs, r => r.FunctionId == "flaky");
        Assert.Equal(RunStatus.Completed, flaky.Status);
        Assert.Equal(3, flaky.Step("flaky-step")!.Attempts);
    }
}
