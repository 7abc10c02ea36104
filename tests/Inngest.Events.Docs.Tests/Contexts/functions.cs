// Context "functions": code in a class of Inngest functions. A block's methods (and bare attribute lists, which go on
// RunAsync) replace the members line; its statements are the body of RunAsync, an Inngest function triggered by
// OrderPlaced with `evt` and `step`. The services and values the diagnostic pages use without declaring them
// (payments, mailer, order, invoiceId, ...) are static members of Ambient, in scope everywhere through `using static`,
// so a block's own locals of the same names simply shadow them. The events are declared below.
global using System;
global using System.Collections.Generic;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
global using System.Text.Json;
global using Inngest.Events;
global using DocsContext;
global using static DocsContext.Ambient;

public sealed class DocsFunctions
{
    // <members>
    [InngestFunction("docs-function")]
    public async Task RunAsync(Event<OrderPlaced> evt, IStepTools step)
    {
        // <statements>
        await Task.CompletedTask;
    }
}

namespace DocsContext
{
    [Event("users/user.created")]
    public partial record UserCreated(string UserId, string Email);

    [Event("users/user.updated")]
    public partial record UserUpdated(string UserId, string Email);

    [Event("users/signup.completed")]
    public partial record SignupCompleted(string UserId, string Email);

    [Event("shop/order.placed")]
    public partial record OrderPlaced(string OrderId, string CustomerId, string AccountId, string Region, string Plan, decimal Total);

    [Event("shop/order.paid")]
    public partial record OrderPaid(string OrderId);

    [Event("shop/order.shipped")]
    public partial record OrderShipped(string OrderId);

    [Event("shop/order.cancelled")]
    public partial record OrderCancelled(string OrderId);

    [Event("shop/refund.requested")]
    public partial record RefundRequested(string OrderId);

    [Event("shop/refund.issued")]
    public partial record RefundIssued(string OrderId);

    [Event("crm/account.changed")]
    public partial record AccountChanged(string AccountId, string Region);

    [Event("billing/invoice.issued")]
    public partial record InvoiceDue(string InvoiceId, decimal Amount);

    [Event("billing/invoice.paid")]
    public partial record InvoicePaid(string InvoiceId, string ReceiptId);

    [Event("catalog/import.requested")]
    public partial record ImportRequested(string Source);

    public sealed record Product(string Sku);

    public sealed record User(string Id, string Email);

    public sealed record Order(string Id, string CustomerId, string ProductId, decimal Total, decimal ShippingFee, DateTimeOffset PlacedAt);

    public sealed record Customer(string Id);

    public sealed record Inventory(string ProductId, int Available);

    public sealed class Payments
    {
        public Task<string> ChargeAsync(string invoiceId) => Task.FromResult($"rcpt_{invoiceId}");

        public Task<string> ChargeAsync(string orderId, decimal amount) => Task.FromResult($"rcpt_{orderId}_{amount}");
    }

    public sealed class Mailer
    {
        public Task<string> SendAsync(User user) => Task.FromResult($"msg_{user.Id}");

        public Task<string> SendAsync(string email, string subject) => Task.FromResult($"msg_{email}_{subject}");
    }

    public interface IMailer
    {
        Task SendAsync(string email);
    }

    public sealed class Crm
    {
        public Task<string> AddAsync(User user) => Task.FromResult($"contact_{user.Id}");
    }

    public sealed class TrialBilling
    {
        public Task CreateTrialAsync(string userId, DateTimeOffset endsAt) => Task.CompletedTask;
    }

    public sealed class ShopApi
    {
        public Task<Customer> GetCustomerAsync(string customerId) => Task.FromResult(new Customer(customerId));

        public Task<Inventory> GetInventoryAsync(string productId) => Task.FromResult(new Inventory(productId, 3));
    }

    public static class Alerts
    {
        public static Task SendAsync(string message) => Task.CompletedTask;
    }

    public static class Ambient
    {
        public static IInngestClient inngest { get; } = null!;

        public static Payments payments { get; } = new();

        public static Mailer mailer { get; } = new();

        public static Crm crm { get; } = new();

        public static TrialBilling billing { get; } = new();

        public static ShopApi api { get; } = new();

        public static User user { get; } = new("u_1", "ada@example.com");

        public static Order order { get; } = new("o_1", "c_1", "p_1", 120m, 5m, DateTimeOffset.UnixEpoch);

        public static string invoiceId { get; } = "inv_1";

        public static string receipt { get; } = "rcpt_inv_1";

        public static string orderId { get; } = "o_1";

        public static string id { get; } = "u_1";

        public static string name { get; } = "Ada";
    }
}
