namespace Microsoft.Extensions.DependencyInjection;

/// <summary>What <c>AddInngest</c> returns, for configuring Inngest further, e.g. choosing where events go.</summary>
public interface IInngestBuilder
{
    /// <summary>The service collection Inngest was added to.</summary>
    IServiceCollection Services { get; }
}
