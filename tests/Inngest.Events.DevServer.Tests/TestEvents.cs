namespace Inngest.Events.DevServer.Tests;

/// <summary>Starts the journey of <see cref="RunPageTests"/>.</summary>
[Event("test/journey.started")]
public sealed partial record JourneyStarted(string TripId);

/// <summary>An event nobody sends: a wait for it times out.</summary>
[Event("test/postcard.arrived")]
public sealed partial record PostcardArrived(string TripId);

/// <summary>What an invoked function is asked.</summary>
[Event("test/price.asked")]
public sealed partial record PriceAsked(int Nights);
