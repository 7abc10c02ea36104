using Inngest.Events.Engine;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Runs the embedded engine in the background while the host runs.</summary>
internal sealed class InngestEngineHostedService(InngestEngine engine, IOptions<InngestEngineOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
        => options.Value.RunInBackground ? engine.StartAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => engine.StopAsync(cancellationToken);
}
