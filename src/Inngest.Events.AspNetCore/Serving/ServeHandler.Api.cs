using System.Net;
using System.Net.Http.Headers;
using Inngest.Events.Protocol;

namespace Inngest.Events.AspNetCore.Serving;

internal sealed partial class ServeHandler
{
    /// <summary>
    /// Sends a request to the Inngest API with <c>Authorization: Bearer &lt;hashed signing key&gt;</c> (none in dev mode),
    /// and again with the hashed fallback key when the first answer is 401 or 403.
    /// </summary>
    private async Task<HttpResponseMessage> SendToApiAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var client = httpClient();
        var primary = settings.IsDev ? null : settings.HashedSigningKey;
        var fallback = settings.IsDev ? null : settings.HashedSigningKeyFallback;

        var response = await client.SendAsync(Authorized(create(), primary), cancellationToken).ConfigureAwait(false);
        if (fallback is not null && response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            response.Dispose();
            response = await client.SendAsync(Authorized(create(), fallback), cancellationToken).ConfigureAwait(false);
        }

        return response;
    }

    private static HttpRequestMessage Authorized(HttpRequestMessage request, string? token)
    {
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        InngestSdk.AddTo(request.Headers);
        return request;
    }
}
