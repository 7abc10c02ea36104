using System.Collections.Concurrent;

namespace Onboarding;

/// <summary>Stand-ins for the app's real services, so the sample needs nothing installed.</summary>
public sealed class Mailer
{
    public ConcurrentQueue<string> Sent { get; } = new();

    public Task<string> SendAsync(string to, string subject)
    {
        Sent.Enqueue($"{to}: {subject}");
        return Task.FromResult($"msg-{Sent.Count}");
    }
}

/// <summary>A billing API whose capacity check fails twice before it works, to show step retries.</summary>
public sealed class Billing
{
    private int _reservations;

    public int Reservations => _reservations;

    public Task ReserveCapacityAsync(string userId)
    {
        if (Interlocked.Increment(ref _reservations) <= 2)
        {
            throw new TimeoutException($"The billing API timed out reserving capacity for {userId}.");
        }

        return Task.CompletedTask;
    }

    public Task ChargeSetupFeeAsync(string userId)
        => throw new InvalidOperationException($"The card of {userId} was declined.");
}

/// <summary>The CRM.</summary>
public sealed class Crm
{
    public Task<string> UpsertContactAsync(string email) => Task.FromResult("contact-" + email.Split('@')[0]);
}
