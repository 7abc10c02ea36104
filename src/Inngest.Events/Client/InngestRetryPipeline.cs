using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Inngest.Events;

/// <summary>
/// The Polly retry strategy of event sends, shared by <c>AddInngest</c>'s resilience handler and the client's own
/// <c>HttpClient</c>: network errors, 5xx and 429 are retried with exponential backoff or after <c>Retry-After</c>.
/// </summary>
internal static class InngestRetryPipeline
{
    /// <summary>The resilience pipeline's name, as it appears in telemetry.</summary>
    public const string Name = "Inngest.Events.Send";

    /// <summary>Adds the retry strategy to <paramref name="builder"/>; nothing when retries are off.</summary>
    public static void AddRetry(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        InngestRetryOptions retry,
        TimeProvider timeProvider,
        ILogger logger)
    {
        if (retry.MaxRetryAttempts == 0)
        {
            return;
        }

        int maxRetries = retry.MaxRetryAttempts;
        TimeSpan maxDelay = retry.MaxDelay;
        builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
        {
            Name = "Retry",
            MaxRetryAttempts = maxRetries,
            Delay = retry.BaseDelay,
            MaxDelay = maxDelay,
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = retry.UseJitter,
            ShouldHandle = static args => ValueTask.FromResult(ShouldRetry(args.Outcome)),
            DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Result, timeProvider, maxDelay)),
            OnRetry = args =>
            {
                ClientLog.Retrying(logger, args.AttemptNumber + 1, maxRetries, args.RetryDelay, Describe(args.Outcome));
                return default;
            },
        });
    }

    /// <summary>A pipeline holding only the retry strategy, timed by <paramref name="timeProvider"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Build(InngestRetryOptions retry, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder<HttpResponseMessage> { Name = Name, TimeProvider = timeProvider };
        AddRetry(builder, retry, timeProvider, logger);
        return builder.Build();
    }

    /// <summary>Network errors, 5xx and 429 are worth another try; any other 4xx will fail the same way again.</summary>
    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome) => outcome.Exception switch
    {
        HttpRequestException => true,
        null => outcome.Result is { } response && IsRetriable(response.StatusCode),
        _ => false,
    };

    public static bool IsRetriable(HttpStatusCode status) => (int)status >= 500 || status == HttpStatusCode.TooManyRequests;

    /// <summary>The wait a response asks for in <c>Retry-After</c> (seconds or an HTTP date), capped; else <see langword="null"/> for the backoff.</summary>
    public static TimeSpan? RetryAfter(HttpResponseMessage? response, TimeProvider timeProvider, TimeSpan maxDelay)
    {
        RetryConditionHeaderValue? retryAfter = response?.Headers.RetryAfter;
        TimeSpan? delay = retryAfter?.Delta ?? (retryAfter?.Date is { } date ? date - timeProvider.GetUtcNow() : null);
        if (delay is not TimeSpan wait)
        {
            return null;
        }

        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > maxDelay ? maxDelay : wait;
    }

    private static string Describe(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } exception
            ? exception.Message
            : $"{(int)outcome.Result!.StatusCode} {outcome.Result.ReasonPhrase}";
}
