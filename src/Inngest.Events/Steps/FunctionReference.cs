namespace Inngest.Events;

/// <summary>
/// A typed reference to a function for <see cref="IStepTools.InvokeAsync{TData, TResult}"/>: what it takes and what
/// it returns. The generator emits one per function; one can also be made for a function of another app.
/// </summary>
/// <typeparam name="TData">The event data the function is invoked with.</typeparam>
/// <typeparam name="TResult">What the function returns.</typeparam>
/// <param name="functionId">The function id; a composite <c>{appId}-{id}</c> id when <paramref name="isComposite"/> is true.</param>
/// <param name="isComposite">Whether <paramref name="functionId"/> already includes the app id.</param>
public sealed class FunctionReference<TData, TResult>(string functionId, bool isComposite = false)
    where TData : IEventData<TData>
{
    /// <summary>The function id.</summary>
    public string FunctionId { get; } = functionId;

    /// <summary>Whether <see cref="FunctionId"/> includes the app id.</summary>
    public bool IsComposite { get; } = isComposite;
}
