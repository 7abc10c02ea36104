namespace Inngest.Events.AspNetCore.Tests.Infrastructure;

/// <summary>An HTTP handler for the engine's client that removes <c>X-Inngest-Signature</c> from answers while <see cref="Strip"/> is set.</summary>
internal sealed class SignatureStripper() : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
{
    public bool Strip { get; set; }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (Strip)
        {
            response.Headers.Remove("X-Inngest-Signature");
        }

        return response;
    }
}
