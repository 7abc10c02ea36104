// Context "app-code": application code outside Inngest functions (a controller, a job, Program.cs). A block's
// statements are the body of RunAsync, which has the app's `services`; `inngest` and the values the pages send
// (user, order, invoiceId, amount) are static members of Ambient, in scope through `using static`. The events the
// blocks use without declaring them are below.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
global using Microsoft.Extensions.DependencyInjection;
global using Inngest.Events;
global using DocsContext;
global using static DocsContext.Ambient;

public static class DocsAppCode
{
    public static async Task RunAsync(IServiceCollection services)
    {
        // <statements>
        await Task.CompletedTask;
    }
}

namespace DocsContext
{
    [Event("users/signup.completed")]
    public partial record SignupCompleted(string UserId, string Email);

    [Event("email/welcome.sent")]
    public partial record WelcomeEmailSent(string UserId, string MessageId);

    [Event("shop/order.placed")]
    public partial record OrderPlaced(string OrderId);

    public sealed record User(string Id, string Email);

    public sealed record Order(string Id, DateTimeOffset PlacedAt);

    public sealed class Mailer
    {
        public Task<string> SendAsync(string email, string subject) => Task.FromResult($"msg_{email}_{subject}");
    }

    public static class Ambient
    {
        public static IInngestClient inngest { get; } = null!;

        public static User user { get; } = new("u_1", "ada@example.com");

        public static Order order { get; } = new("o_1", DateTimeOffset.UnixEpoch);

        public static string invoiceId { get; } = "inv_1";

        public static decimal amount { get; } = 129.90m;
    }
}
