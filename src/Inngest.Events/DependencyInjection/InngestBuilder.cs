namespace Microsoft.Extensions.DependencyInjection;

internal sealed class InngestBuilder(IServiceCollection services) : IInngestBuilder
{
    public IServiceCollection Services { get; } = services;
}
