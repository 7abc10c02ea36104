using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.Generators.Analyzers.Expressions;

/// <summary>
/// A place where an expression is written, and what is bound there: <c>event</c> always (the triggering event, whose
/// data may be one of <see cref="EventTypes"/>), and <c>async</c> (the incoming event, of <see cref="AsyncType"/>) only
/// in wait-for-event and cancel-on conditions. Empty <see cref="EventTypes"/> or a null <see cref="AsyncType"/> means
/// the type is not known, and paths into it are not checked.
/// </summary>
/// <param name="Display">How messages name the site, e.g. <c>[Concurrency] Key</c>.</param>
internal sealed record ExpressionSite(
    string Display,
    ExpressionSiteKind Kind,
    bool AsyncBound,
    ImmutableArray<ITypeSymbol> EventTypes,
    ITypeSymbol? AsyncType);
