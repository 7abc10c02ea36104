using Microsoft.Extensions.DependencyInjection;

namespace Inngest.Events.Engine.Internal;

/// <summary>The services of an engine created without a container: none, but scopes work.</summary>
internal sealed class EmptyServiceProvider : IServiceProvider, IServiceScopeFactory, IServiceScope
{
    public static EmptyServiceProvider Instance { get; } = new();

    public IServiceProvider ServiceProvider => this;

    public object? GetService(Type serviceType)
        => serviceType == typeof(IServiceScopeFactory) || serviceType == typeof(IServiceProvider) ? this : null;

    public IServiceScope CreateScope() => this;

    public void Dispose()
    {
    }
}
