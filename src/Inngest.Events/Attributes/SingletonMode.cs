namespace Inngest.Events;

/// <summary>What a singleton function does with a new run while one is active.</summary>
public enum SingletonMode
{
    /// <summary>Drop the new run.</summary>
    Skip,

    /// <summary>Cancel the active run and start the new one.</summary>
    Cancel,
}
