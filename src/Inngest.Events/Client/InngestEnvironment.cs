namespace Inngest.Events;

/// <summary>The environment-variable lookup the options resolver reads; a service so that tests can replace it.</summary>
internal sealed class InngestEnvironment(Func<string, string?> getVariable)
{
    /// <summary>The process environment.</summary>
    public static InngestEnvironment Process { get; } = new(Environment.GetEnvironmentVariable);

    public Func<string, string?> GetVariable { get; } = getVariable;
}
