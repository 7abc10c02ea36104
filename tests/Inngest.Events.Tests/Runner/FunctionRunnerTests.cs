using Xunit;
using System.Text.Json;
using Inngest.Events.Protocol;

namespace Inngest.Events.Tests.Runner;

public sealed class FunctionRunnerTests
{
    private static readonly string HashA = StepIds.Hash("a");
    private static readonly string HashB = StepIds.Hash("b");

    [Theory]
    [InlineData("my-step-id", "e7d8a2f140845095749d60246ff1110c9d01d76a")]
    [InlineData("my-step-id:1", "f47c6228c581af870aa285200cf95ec3ac59bb6a")]
    [InlineData("complete", "0737c22d3bfae812339732d14d8c7dbd6dc4e09c")]
    public void Step_ids_hash_like_the_protocol_vectors(string id, string expected)
        => Assert.Equal(expected, StepIds.Hash(id));

    private static FunctionHandler TwoSerialSteps => async invocation =>
    {
        var a = await invocation.Steps.RunAsync("a", () => "A");
        var ab = await invocation.Steps.RunAsync("b", () => a + "B");
        return invocation.SerializeResult(ab);
    };

    [Fact]
    public async Task Two_serial_steps_follow_the_worked_call_sequence()
    {
        var harness = new RunnerHarness(TwoSerialSteps);

        var first = await harness.CallAsync();
        Assert.Equal(206, first.StatusCode);
        Assert.Equal($$$"""[{"id":"{{{HashA}}}","op":"StepRun","name":"a","displayName":"a","data":"A","userland":{"id":"a"}}]""", RunnerHarness.Body(first));
        harness.Store(first.Ops[0]);

        var second = await harness.CallAsync();
        Assert.Equal(206, second.StatusCode);
        var op = Assert.Single(second.Ops);
        Assert.Equal((OpCodes.StepRun, HashB, "\"AB\""), (op.Op, op.Id, op.Data!.Value.GetRawText()));
        harness.Store(op);

        var third = await harness.CallAsync();
        Assert.Equal(200, third.StatusCode);
        Assert.Equal("\"AB\"", RunnerHarness.Body(third));
        Assert.Equal([HashA, HashB], harness.Stack);
    }

    [Fact]
    public async Task Parallel_steps_are_planned_then_run_one_by_one()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            var results = await Task.WhenAll(
                invocation.Steps.RunAsync("a", () => "A"),
                invocation.Steps.RunAsync("b", () => "B"));
            return invocation.SerializeResult(string.Concat(results));
        });

        var discovery = await harness.CallAsync();
        Assert.Equal(206, discovery.StatusCode);
        Assert.Equal([(OpCodes.StepPlanned, HashA), (OpCodes.StepPlanned, HashB)], discovery.Ops.Select(o => (o.Op, o.Id)));
        harness.DisableImmediateExecution = true;

        var runB = await harness.CallAsync(stepId: HashB);
        Assert.Equal((OpCodes.StepRun, HashB, "\"B\""), (runB.Ops[0].Op, runB.Ops[0].Id, runB.Ops[0].Data!.Value.GetRawText()));
        var runA = await harness.CallAsync(stepId: HashA);
        Assert.Equal((OpCodes.StepRun, HashA), (runA.Ops[0].Op, runA.Ops[0].Id));
        harness.Store(runB.Ops[0]);
        harness.Store(runA.Ops[0]);

        var done = await harness.CallAsync();
        Assert.Equal("\"AB\"", RunnerHarness.Body(done));
    }

    [Fact]
    public async Task With_immediate_execution_disabled_a_single_step_is_planned_first()
    {
        var harness = new RunnerHarness(TwoSerialSteps) { DisableImmediateExecution = true };
        var response = await harness.CallAsync();
        Assert.Equal(OpCodes.StepPlanned, Assert.Single(response.Ops).Op);
    }

    [Fact]
    public async Task A_failing_step_reports_StepError_until_the_last_attempt_then_StepFailed()
    {
        var calls = 0;
        var harness = new RunnerHarness(async invocation =>
        {
            await invocation.Steps.RunAsync("flaky", () =>
            {
                calls++;
                throw new InvalidOperationException("boom");
            });
            return FunctionInvocation.NoResult;
        });

        var retry = await harness.CallAsync(attempt: 0, maxAttempts: 3);
        var op = Assert.Single(retry.Ops);
        Assert.Equal(OpCodes.StepError, op.Op);
        Assert.Equal(("InvalidOperationException", "boom"), (op.Error!.Name, op.Error.Message));
        Assert.False(retry.NoRetry);

        var last = await harness.CallAsync(attempt: 2, maxAttempts: 3);
        Assert.Equal(OpCodes.StepFailed, Assert.Single(last.Ops).Op);
        Assert.True(last.NoRetry);
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task A_non_retriable_step_error_fails_at_once()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            await invocation.Steps.RunAsync("charge", () => throw new NonRetriableException("card gone"));
            return FunctionInvocation.NoResult;
        });
        var response = await harness.CallAsync(attempt: 0);
        Assert.Equal(OpCodes.StepFailed, Assert.Single(response.Ops).Op);
    }

    [Fact]
    public async Task RetryAfterException_sets_the_retry_after_header()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            await invocation.Steps.RunAsync("call-api", () => throw new RetryAfterException("rate limited", TimeSpan.FromSeconds(30)));
            return FunctionInvocation.NoResult;
        });
        var response = await harness.CallAsync();
        Assert.Equal(OpCodes.StepError, Assert.Single(response.Ops).Op);
        Assert.Equal("30", response.RetryAfter);
    }

    [Fact]
    public async Task A_failed_step_raises_StepFailedException_that_user_code_can_catch()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            try
            {
                await invocation.Steps.RunAsync("charge", () => 1);
                return invocation.SerializeResult("charged");
            }
            catch (StepFailedException failed)
            {
                return invocation.SerializeResult($"caught {failed.StepId}: {failed.Error.Message}");
            }
        });
        harness.Memoize(StepIds.Hash("charge"), """{"error":{"name":"Error","message":"declined"}}""");
        var response = await harness.CallAsync();
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("\"caught charge: declined\"", RunnerHarness.Body(response));
    }

    [Fact]
    public async Task An_uncaught_failed_step_fails_the_run_without_retries()
    {
        var harness = new RunnerHarness(TwoSerialSteps);
        harness.Memoize(HashA, """{"error":{"name":"Error","message":"nope"}}""");
        var response = await harness.CallAsync();
        Assert.Equal(400, response.StatusCode);
        Assert.True(response.NoRetry);
        Assert.Equal("nope", response.Error!.Message);
    }

    [Fact]
    public async Task A_function_error_is_retriable_until_the_last_attempt()
    {
        var harness = new RunnerHarness(_ => throw new InvalidOperationException("outside steps"));
        var early = await harness.CallAsync(attempt: 0, maxAttempts: 2);
        Assert.Equal((500, false), (early.StatusCode, early.NoRetry));
        var last = await harness.CallAsync(attempt: 1, maxAttempts: 2);
        Assert.Equal((400, true), (last.StatusCode, last.NoRetry));
    }

    [Fact]
    public async Task Catch_all_in_user_code_does_not_swallow_step_scheduling()
    {
        var reachedCatch = false;
        var harness = new RunnerHarness(async invocation =>
        {
            try
            {
                await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
                await invocation.Steps.RunAsync("after", () => 1);
            }
            catch (Exception)
            {
                reachedCatch = true;
            }

            return FunctionInvocation.NoResult;
        });
        var response = await harness.CallAsync();
        Assert.Equal(OpCodes.Sleep, Assert.Single(response.Ops).Op);
        Assert.False(reachedCatch);
    }

    [Fact]
    public async Task Sleep_wait_and_invoke_report_their_ops_with_options()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            var trigger = invocation.GetEvent<UserSignedUp>();
            await Task.WhenAll(
                invocation.Steps.SleepAsync("nap", TimeSpan.FromMinutes(90)),
                invocation.Steps.SleepUntilAsync("alarm", new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero)),
                invocation.Steps.WaitForEventAsync("confirm", TimeSpan.FromDays(1), (Event<UserSignedUp> t, Event<EmailConfirmed> e) => t.Data.UserId == e.Data.UserId),
                invocation.Steps.InvokeAsync("trial", new FunctionReference<UserSignedUp, string>("create-trial"), trigger.Data, TimeSpan.FromMinutes(5)));
            return FunctionInvocation.NoResult;
        });
        var response = await harness.CallAsync();
        var ops = response.Ops.ToDictionary(o => o.Name!);
        Assert.Equal("""{"duration":"1h30m"}""", ops["nap"].Opts!.Value.GetRawText());
        Assert.Equal("""{"duration":"2030-01-02T03:04:05.000Z"}""", ops["alarm"].Opts!.Value.GetRawText());
        Assert.Equal(OpCodes.WaitForEvent, ops["confirm"].Op);
        Assert.Equal("""{"event":"test/email.confirmed","timeout":"1d","if":"(event.data.userId == async.data.userId)"}""", ops["confirm"].Opts!.Value.GetRawText());
        Assert.Equal(OpCodes.InvokeFunction, ops["trial"].Op);
        Assert.Equal("""{"function_id":"app-create-trial","payload":{"data":{"userId":"u1","plan":"pro"}},"timeout":"5m"}""", ops["trial"].Opts!.Value.GetRawText());
    }

    [Fact]
    public async Task Memoized_waits_sleeps_and_invokes_return_their_values()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            await invocation.Steps.SleepAsync("nap", TimeSpan.FromHours(1));
            var confirmed = await invocation.Steps.WaitForEventAsync<EmailConfirmed>("confirm", TimeSpan.FromDays(1));
            var missing = await invocation.Steps.WaitForEventAsync<EmailConfirmed>("second", TimeSpan.FromDays(1));
            var trial = await invocation.Steps.InvokeAsync("trial", new FunctionReference<UserSignedUp, string>("create-trial"), new UserSignedUp("u1", "pro"));
            return invocation.SerializeResult($"{confirmed!.Data.UserId}/{confirmed.Id}/{missing is null}/{trial}");
        });
        harness.Memoize(StepIds.Hash("nap"), "null");
        harness.Memoize(StepIds.Hash("confirm"), """{"name":"test/email.confirmed","data":{"userId":"u1"},"id":"e-9","ts":1717000000000,"user":{}}""");
        harness.Memoize(StepIds.Hash("second"), "null");
        harness.Memoize(StepIds.Hash("trial"), """{"data":"trial-started"}""");
        var response = await harness.CallAsync();
        Assert.Equal("\"u1/e-9/True/trial-started\"", RunnerHarness.Body(response));
    }

    [Fact]
    public async Task Repeated_step_ids_in_a_loop_get_numbered_hashes()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            var total = 0;
            for (var i = 0; i < 3; i++)
            {
                total += await invocation.Steps.RunAsync("add", () => i);
            }

            return invocation.SerializeResult(total);
        });
        string[] expected = [StepIds.Hash("add"), StepIds.Hash("add:1"), StepIds.Hash("add:2")];
        for (var i = 0; i < 3; i++)
        {
            var response = await harness.CallAsync();
            var op = Assert.Single(response.Ops);
            Assert.Equal(expected[i], op.Id);
            Assert.Equal(i == 0 ? null : i, op.UserlandIndex);
            harness.Store(op);
        }

        Assert.Equal("3", RunnerHarness.Body(await harness.CallAsync()));
    }

    [Fact]
    public async Task A_step_literally_named_like_a_repeat_does_not_collide()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            await invocation.Steps.RunAsync("x:1", () => 1);
            await invocation.Steps.RunAsync("x", () => 2);
            await invocation.Steps.RunAsync("x", () => 3);
            return FunctionInvocation.NoResult;
        });
        var ids = new List<string>();
        for (var i = 0; i < 3; i++)
        {
            var op = Assert.Single((await harness.CallAsync()).Ops);
            ids.Add(op.Id);
            harness.Store(op);
        }

        Assert.Equal([StepIds.Hash("x:1"), StepIds.Hash("x"), StepIds.Hash("x:2")], ids);
    }

    [Fact]
    public async Task SendEvent_is_a_memoized_run_step_returning_ids()
    {
        var sent = new List<IReadOnlyList<InngestEvent>>();
        var harness = new RunnerHarness(
            async invocation =>
            {
                var ids = await invocation.Steps.SendEventAsync("fan-out", new EmailConfirmed("u1"));
                return invocation.SerializeResult(string.Join(",", ids));
            },
            sent);
        var first = await harness.CallAsync();
        var op = Assert.Single(first.Ops);
        Assert.Equal((OpCodes.StepRun, """{"ids":["sent-0"]}"""), (op.Op, op.Data!.Value.GetRawText()));
        harness.Store(op);
        var done = await harness.CallAsync();
        Assert.Equal("\"sent-0\"", RunnerHarness.Body(done));
        Assert.Single(sent);
    }

    [Fact]
    public async Task Planned_sendEvent_carries_its_step_type()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            await Task.WhenAll(invocation.Steps.SendEventAsync("send", new EmailConfirmed("u1")), invocation.Steps.RunAsync("other", () => 1));
            return FunctionInvocation.NoResult;
        }, []);
        var response = await harness.CallAsync();
        Assert.Equal("""{"type":"step.sendEvent"}""", response.Ops[0].Opts!.Value.GetRawText());
        Assert.Null(response.Ops[1].Opts);
    }

    [Fact]
    public async Task A_requested_step_that_is_never_reached_is_reported()
    {
        var harness = new RunnerHarness(TwoSerialSteps);
        var response = await harness.CallAsync(stepId: StepIds.Hash("nope"));
        Assert.Equal(500, response.StatusCode);
        Assert.Equal("StepNotFound", response.Error!.Name);
    }

    [Fact]
    public async Task Input_only_memo_is_not_a_result()
    {
        var harness = new RunnerHarness(TwoSerialSteps);
        harness.Memoize(HashA, """{"input":[1]}""");
        var response = await harness.CallAsync();
        Assert.Equal(HashA, Assert.Single(response.Ops).Id);
    }

    [Fact]
    public async Task Code_awaiting_real_work_outside_steps_is_waited_for()
    {
        var harness = new RunnerHarness(async invocation =>
        {
            await Task.Delay(5).ConfigureAwait(false);
            var value = await invocation.Steps.RunAsync("a", () => "A");
            return invocation.SerializeResult(value);
        });
        var response = await harness.CallAsync();
        Assert.Equal(HashA, Assert.Single(response.Ops).Id);
    }

    [Fact]
    public async Task The_typed_event_is_read_from_the_trigger()
    {
        var harness = new RunnerHarness(invocation =>
        {
            var evt = invocation.GetEvent<UserSignedUp>();
            return Task.FromResult(invocation.SerializeResult($"{evt.Data.UserId}:{evt.Data.Plan}:{evt.Id}:{evt.Ts!.Value.ToUnixTimeMilliseconds()}"));
        });
        Assert.Equal("\"u1:pro:evt-1:1717000000000\"", RunnerHarness.Body(await harness.CallAsync()));
    }
}
