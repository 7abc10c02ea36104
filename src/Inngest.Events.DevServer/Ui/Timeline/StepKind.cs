namespace Inngest.Events.DevServer.Ui.Timeline;

/// <summary>What a step does, as the run page shows it.</summary>
internal enum StepKind
{
    Run,
    SendEvent,
    Sleep,
    Wait,
    Invoke,
}
