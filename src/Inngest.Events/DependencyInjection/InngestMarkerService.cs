namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registered once by <c>AddInngest</c>, so that calling it again only adds configuration.</summary>
internal sealed class InngestMarkerService
{
}
