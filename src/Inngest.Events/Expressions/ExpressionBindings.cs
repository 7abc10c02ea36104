using System.Text.Json;

namespace Inngest.Events.Expressions;

/// <summary>
/// The variables an expression can read. Which ones are bound depends on where the expression is used:
/// trigger conditions and flow-control keys see only <c>event</c>; <c>waitForEvent</c> and cancellation
/// conditions see the run's triggering <c>event</c> and the incoming candidate as <c>async</c>.
/// Unbound variables (and any other root name) evaluate to null.
/// </summary>
/// <param name="Event">The <c>event</c> variable: the whole event envelope (<c>name</c>, <c>data</c>, <c>id</c>, <c>ts</c>, ...).</param>
/// <param name="Async">The <c>async</c> variable: the incoming event that a wait or cancellation is matched against.</param>
/// <param name="Vars">The <c>vars</c> variable, an object of extra values.</param>
internal readonly record struct ExpressionBindings(JsonElement? Event = null, JsonElement? Async = null, JsonElement? Vars = null);
