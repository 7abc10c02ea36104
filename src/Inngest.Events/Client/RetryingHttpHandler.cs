using Polly;

namespace Inngest.Events;

/// <summary>
/// Runs each request through the retry pipeline, for a client created without dependency injection (with DI,
/// <c>AddResilienceHandler</c> does the same; its <c>ResilienceHandler</c> type is still marked experimental).
/// Each attempt sends the same request message, so the body and the seed header are the same.
/// </summary>
internal sealed class RetryingHttpHandler(ResiliencePipeline<HttpResponseMessage> pipeline) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        pipeline.ExecuteAsync(
            static (state, token) => new ValueTask<HttpResponseMessage>(state.Handler.SendCoreAsync(state.Request, token)),
            (Handler: this, Request: request),
            cancellationToken).AsTask();

    private Task<HttpResponseMessage> SendCoreAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        base.SendAsync(request, cancellationToken);
}
