namespace Inngest.Events.Generators.Analyzers.EventNames;

/// <summary>Where an event name was written, which decides the rules that apply to it.</summary>
/// <param name="IsTrigger">
/// A raw name that a function triggers on: it may name Inngest's own <c>inngest/...</c> events and use <c>*</c>
/// wildcards, and it may belong to a sender this compilation does not own.
/// </param>
/// <param name="AllowReservedPrefix">True inside the Inngest.Events runtime, whose system events use <c>inngest/</c>.</param>
/// <param name="NamespaceDomain">A domain derived from the event type's namespace, for fixes that add a missing one.</param>
internal readonly record struct EventNameSite(bool IsTrigger, bool AllowReservedPrefix, string? NamespaceDomain);
