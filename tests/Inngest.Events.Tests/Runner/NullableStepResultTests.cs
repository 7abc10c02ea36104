using System.Text.Json;
using Inngest.Events.Protocol;
using Xunit;

namespace Inngest.Events.Tests.Runner;

/// <summary>
/// Nullable framework value types are stored by the runtime itself, like the types they wrap: a step or function
/// returning <c>int?</c> needs no generated metadata (the generator emits none for them), and stores and reads back
/// exactly what the non-nullable type does, or null.
/// </summary>
public sealed class NullableStepResultTests
{
    [Fact]
    public async Task Nullable_framework_values_round_trip_like_their_underlying_types()
    {
        await AssertLikeUnderlying<bool>(true);
        await AssertLikeUnderlying<int>(-42);
        await AssertLikeUnderlying<long>(long.MaxValue);
        await AssertLikeUnderlying<short>(short.MinValue);
        await AssertLikeUnderlying<byte>(200);
        await AssertLikeUnderlying<uint>(uint.MaxValue);
        await AssertLikeUnderlying<ulong>(ulong.MaxValue);
        await AssertLikeUnderlying<float>(1.5f);
        await AssertLikeUnderlying<double>(0.1);
        await AssertLikeUnderlying<decimal>(1234.5678m);
        await AssertLikeUnderlying<Guid>(Guid.Parse("7b1d3c5e-0f6a-4c2b-9d8e-1a2b3c4d5e6f"));
        await AssertLikeUnderlying<DateTime>(new DateTime(2026, 12, 5, 19, 30, 0, DateTimeKind.Utc));
        await AssertLikeUnderlying<DateTimeOffset>(new DateTimeOffset(2026, 12, 5, 19, 30, 0, TimeSpan.FromHours(2)));
        await AssertLikeUnderlying<TimeSpan>(TimeSpan.FromMinutes(90));
        await AssertLikeUnderlying<JsonElement>(JsonDocument.Parse("""{"a":[1,2]}""").RootElement.Clone());
    }

    [Fact]
    public async Task A_memoized_value_is_read_by_a_nullable_step_as_by_its_underlying_type()
    {
        foreach (var memo in new[] { "7", "\"7\"", "7.5", "\"x\"" })
        {
            var expected = await ReadMemo<int>(memo);
            Assert.Equal(expected, await ReadMemo<int?>(memo));
        }

        Assert.Equal((200, "null"), await ReadMemo<decimal?>("null"));
    }

    [Fact]
    public async Task A_function_may_return_a_nullable_framework_value()
    {
        var harness = new RunnerHarness(invocation => Task.FromResult(invocation.SerializeResult<decimal?>(12.5m)));
        var response = await harness.CallAsync();
        Assert.Equal((200, "12.5"), (response.StatusCode, RunnerHarness.Body(response)));
    }

    private static async Task AssertLikeUnderlying<T>(T value)
        where T : struct
    {
        Assert.Equal(await RoundTrip(value), await RoundTrip<T?>(value));
        Assert.Equal(("null", "null"), await RoundTrip<T?>(null));
    }

    /// <summary>What a step returning <paramref name="value"/> stores, and what the function then reads back and returns.</summary>
    private static async Task<(string Stored, string Returned)> RoundTrip<T>(T value)
    {
        var harness = new RunnerHarness(async invocation =>
        {
            var stored = await invocation.Steps.RunAsync("value", () => value);
            return invocation.SerializeResult(stored);
        });
        var first = await harness.CallAsync();
        var op = Assert.Single(first.Ops);
        Assert.Equal(OpCodes.StepRun, op.Op);
        harness.Store(op);
        var second = await harness.CallAsync();
        Assert.Equal(200, second.StatusCode);
        return (op.Data is { } data ? data.GetRawText() : "null", RunnerHarness.Body(second));
    }

    private static T Unreachable<T>() => throw new InvalidOperationException("The step is memoized.");

    /// <summary>How a step of type <typeparamref name="T"/> reads a memoized <paramref name="json"/>: the status and body of the call.</summary>
    private static async Task<(int Status, string Body)> ReadMemo<T>(string json)
    {
        var harness = new RunnerHarness(async invocation =>
        {
            var stored = await invocation.Steps.RunAsync<T>("value", Unreachable<T>);
            return invocation.SerializeResult(stored);
        });
        harness.Memoize(StepIds.Hash("value"), $$"""{"data":{{json}}}""");
        var response = await harness.CallAsync();
        var body = RunnerHarness.Body(response);
        return (response.StatusCode, response.StatusCode == 200 ? body : response.Error?.Name ?? body);
    }
}
