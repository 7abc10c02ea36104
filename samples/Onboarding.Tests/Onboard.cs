using Microsoft.Extensions.DependencyInjection;

namespace Onboarding.Tests;

/// <summary>The Onboarding sample's functions on a test host, with the sample's services; a test adds or replaces what it needs.</summary>
internal static class Onboard
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly AccountCreated Ada = new("u-42", "ada@example.com", "pro");

    public static readonly AccountCreated Bob = new("u-7", "bob@example.com", "free");

    public static InngestTestHost Host(Action<InngestTestHostOptions>? configure = null)
        => new(InngestGeneratedFunctions.CreateRegistry, options =>
        {
            options.AppId = "onboarding";
            options.Services.AddSingleton<Mailer>().AddSingleton<Billing>().AddSingleton<Crm>();
            configure?.Invoke(options);
        });

    public static SignupCompleted Signup(AccountCreated account) => new(account.UserId, account.Email, account.Plan);

    public static T Service<T>(this InngestTestHost host)
        where T : notnull
        => host.Services.GetRequiredService<T>();
}
