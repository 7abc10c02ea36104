using Xunit;

namespace Inngest.Events.Tests.Client;

/// <summary>A test class with its own <see cref="FakeEventApi"/>, started before each test and stopped after it.</summary>
public abstract class FakeEventApiTest : IAsyncLifetime
{
    private FakeEventApi? api;

    internal FakeEventApi Api => api ?? throw new InvalidOperationException("The fake event API is not started.");

    public async Task InitializeAsync() => api = await FakeEventApi.StartAsync();

    public async Task DisposeAsync()
    {
        if (api is not null)
        {
            await api.DisposeAsync();
        }
    }
}
