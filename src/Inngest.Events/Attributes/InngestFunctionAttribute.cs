namespace Inngest.Events;

/// <summary>
/// Makes a method an Inngest function. Its trigger is the type of its <see cref="Event{TData}"/> parameter (plus any
/// <see cref="TriggerAttribute{T}"/> and <see cref="CronAttribute"/>); its other parameters may be
/// <see cref="IStepTools"/>, <see cref="FunctionContext"/> and a <see cref="CancellationToken"/>, in any order.
/// The method may be static, or an instance method of a class resolved from dependency injection (one scope per call).
/// </summary>
/// <param name="id">The function id, unique in the app, e.g. <c>send-welcome-email</c>. Inngest knows it as <c>{appId}-{id}</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class InngestFunctionAttribute(string id) : Attribute
{
    /// <summary>The function id.</summary>
    public string Id { get; } = id;

    /// <summary>A display name for the Inngest dashboard.</summary>
    public string? Name { get; set; }

    /// <summary>
    /// The name of a method in the same class to run when this function fails for good; it takes an
    /// <c>Event&lt;FunctionFailed&gt;</c> and becomes the function <c>{id}-failure</c>.
    /// </summary>
    public string? OnFailure { get; set; }
}
