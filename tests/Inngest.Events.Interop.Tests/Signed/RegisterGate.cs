using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Inngest.Events.Interop.Tests.Signed;

/// <summary>
/// Middleware in front of a dev server's <c>POST /fn/register</c>: records each register request's
/// <c>Authorization</c> and the status it got, and answers <c>403</c> to one hashed key, as a server does to a key it
/// knows but does not accept (yet). Every other request reaches the dev server, which answers <c>401</c> to a key it
/// does not know.
/// </summary>
internal sealed class RegisterGate(string? forbiddenBearer)
{
    private readonly ConcurrentQueue<(string? Authorization, int Status)> _requests = new();

    /// <summary>The register requests so far: their <c>Authorization</c> header and the status they were answered.</summary>
    public IReadOnlyList<(string? Authorization, int Status)> Requests => _requests.ToArray();

    public void Install(WebApplication app)
        => app.Use(async (context, next) =>
        {
            if (!HttpMethods.IsPost(context.Request.Method) || context.Request.Path != "/fn/register")
            {
                await next(context);
                return;
            }

            var authorization = context.Request.Headers.Authorization.Count > 0 ? context.Request.Headers.Authorization.ToString() : null;
            if (forbiddenBearer is not null && authorization == "Bearer " + forbiddenBearer)
            {
                context.Response.StatusCode = 403;
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync("""{"error":"Forbidden: this signing key is not active for the environment","status":403}""");
            }
            else
            {
                await next(context);
            }

            _requests.Enqueue((authorization, context.Response.StatusCode));
        });
}
