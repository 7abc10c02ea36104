using Inngest.Events.Testing.Tests.Shop;
using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Events.Testing.Tests;

/// <summary>The shop's functions on a test host, with the shop's services; a test adds or replaces what it needs.</summary>
internal static class Hosts
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static InngestTestHost Shop(Action<InngestTestHostOptions>? configure = null)
        => new(InngestGeneratedFunctions.CreateRegistry, options =>
        {
            options.AppId = "shop";
            options.Services.AddSingleton<PaymentGateway>().AddSingleton<Warehouse>().AddSingleton<Counters>().AddSingleton<Hanger>();
            configure?.Invoke(options);
        });

    public static OrderPlaced Order(string id = "o-1", decimal amount = 100m, string customer = "c-1") => new(id, amount, customer);
}
