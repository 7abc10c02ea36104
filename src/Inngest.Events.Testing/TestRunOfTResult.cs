using Inngest.Events.Engine;

namespace Inngest.Events.Testing;

/// <summary>A <see cref="TestRun"/> of a function known by its typed reference, whose result reads as <typeparamref name="TResult"/>.</summary>
/// <typeparam name="TResult">What the function returns.</typeparam>
public sealed class TestRun<TResult> : TestRun
{
    internal TestRun(RunRecord record, TestRunContext context)
        : base(record, context)
    {
    }

    /// <summary>The function's result.</summary>
    /// <exception cref="InngestAssertionException">The run has not completed; the message has its timeline.</exception>
    public TResult Result => OutputAs<TResult>();
}
