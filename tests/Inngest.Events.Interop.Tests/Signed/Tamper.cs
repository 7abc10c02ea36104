namespace Inngest.Events.Interop.Tests.Signed;

/// <summary>What <see cref="TrafficRecorder"/> does to one armed exchange between the engine and an app.</summary>
public enum Tamper
{
    /// <summary>Nothing: the exchange passes as it is.</summary>
    None,

    /// <summary>The engine's call goes out without its <c>X-Inngest-Signature</c>.</summary>
    UnsignedCall,

    /// <summary>The engine's call goes out signed with a key neither side knows.</summary>
    WrongKeyCall,

    /// <summary>The app's answer reaches the engine without its signature (for a streamed answer: inside the final value).</summary>
    UnsignedAnswer,

    /// <summary>The app's answer reaches the engine signed with a key neither side knows, at the same time.</summary>
    WrongKeyAnswer,

    /// <summary>The app's answer reaches the engine signed with the right key, but ten minutes before it was given.</summary>
    StaleAnswer,

    /// <summary>The app's signature reaches the engine over another body than the one it signed.</summary>
    ForgedAnswer,
}
