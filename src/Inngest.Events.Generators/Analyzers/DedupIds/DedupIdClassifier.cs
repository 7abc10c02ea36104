using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Inngest.Events.Generators.Analyzers.Common;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.DedupIds;

/// <summary>
/// Classifies the expression given as a dedup id, following locals that are assigned once within the method to see
/// what they hold (data flow light). Anything it cannot see through is <see cref="DedupIdKind.Unknown"/>.
/// </summary>
internal sealed class DedupIdClassifier(InngestSymbols symbols, VolatileSources volatileSources, DedupIdVocabulary words, CancellationToken cancellationToken)
{
    private const int MaxDepth = 8;

    private IOperation? _sentData;

    // Whether the data sent with the id carries a schedule (SendsSchedule), read once per id from _sentData.
    private bool _sendsSchedule;

    // Words that say nothing about which event an id is for: the sent event's domain and the app's own name.
    private HashSet<string> _wordsOfNoEvent = [];

    // Whether FindVolatile looks for a value made new on every path (true) or on any path, a fallback included (false).
    private bool _everyPath;

    // What the call being read gives each parameter of a same-file helper, while that helper's returns are read.
    private readonly Dictionary<IParameterSymbol, IOperation> _helperArguments = new(SymbolEqualityComparer.Default);

    /// <summary>
    /// What <paramref name="value"/> is as a dedup id. <paramref name="sentData"/> is the data sent with it when the code
    /// shows it (<c>new AvatarRendered(id)</c>): a value the rule cannot read by its own name is read by the name the
    /// data gives it. <paramref name="eventName"/> is the sent event's name when it is known: text that only repeats its
    /// domain (<c>billing</c> of <c>billing/subscription.created</c>) says no more about the event than the kind of a kept
    /// thing does.
    /// </summary>
    public DedupIdValue Classify(IOperation value, IOperation? sentData = null, string? eventName = null)
    {
        _sentData = sentData is null ? null : Resolve(sentData, 0);
        _sendsSchedule = SendsSchedule(_sentData);
        _wordsOfNoEvent = WordsOfNoEvent(value, eventName);
        _helperArguments.Clear();
        _everyPath = true;
        if (FindVolatile(value, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default)) is { } source)
        {
            return new(DedupIdKind.Volatile, source);
        }

        var resolved = Resolve(value, 0);
        if (resolved.ConstantValue.HasValue)
        {
            return resolved.ConstantValue.Value is string text ? new(DedupIdKind.Constant, text) : default;
        }

        if (IsBare(value))
        {
            return new(DedupIdKind.BareEntity);
        }

        // Made new only where the code's own value is missing (`key ?? Guid.NewGuid()`, `if (key == "") key = ...`, a
        // helper's `if (key is null) return ...`): steady on the path the code expects, so said apart, as information.
        _everyPath = false;
        return FindVolatile(value, 0, new HashSet<ISymbol>(SymbolEqualityComparer.Default)) is { } fallback
            ? new(DedupIdKind.VolatileFallback, fallback)
            : default;
    }

    /// <summary>
    /// The first value in <paramref name="operation"/> (or in the locals it reads) that differs on every call, skipping
    /// the delegates of <c>step.RunAsync</c>: a step's result is stored, so it is the same on every attempt.
    /// </summary>
    private string? FindVolatile(IOperation operation, int depth, HashSet<ISymbol> visited)
    {
        if (operation is IAnonymousFunctionOperation && StepCalls.RunOfDelegate(operation, symbols) is not null)
        {
            return null;
        }

        // A calendar date read from the clock names the day, not the attempt: every attempt that day builds the same id,
        // which is how an id says "once a day" (`$"digest-{userId}-{DateTime.UtcNow:yyyy-MM-dd}"`). A window cut from
        // the clock (`{now:yyyyMMddHH}`, `now.ToUnixTimeSeconds() / 300`, `ms / 30_000`, `new DateTime(..., now.Hour,
        // now.Minute, 0)`) likewise names the window: every send in it builds the same id, which is how an id says "once
        // an hour" or debounces. A cut of a few seconds (`ms / 1000`, `{now:HH:mm:ss}`) changes between one attempt and the next.
        if (NamesPeriod(operation))
        {
            return null;
        }

        if (volatileSources.Describe(operation) is { } source)
        {
            return source;
        }

        // On every path: a coalesce is made new when its value in front is (what follows `??` is taken only when that
        // value is missing), a conditional when both of its branches are.
        if (_everyPath && operation is ICoalesceOperation coalesce)
        {
            return FindVolatile(coalesce.Value, depth, visited);
        }

        if (_everyPath && operation is IConditionalOperation { WhenFalse: { } otherwise } conditional)
        {
            return FindVolatile(conditional.WhenTrue, depth, visited) is { } first && FindVolatile(otherwise, depth, visited) is not null ? first : null;
        }

        // A new object's own id (`var user = new User { Id = Guid.NewGuid() }`) is made once, with the object: it names
        // that object, as any kept thing's id does, on every attempt to send about it.
        if (PlaceOf(operation) is { } identity && IsIdentityOfNewThing(identity))
        {
            return null;
        }

        // A local or parameter, or a member of one set in the same method: any value it is given there (its initializer,
        // `prefix += DateTime.UtcNow.ToString(...)`, `message.Id = Guid.NewGuid().ToString()`, `new Draft { Key = ... }`;
        // on some path only, `if (request.MessageId == "") request.MessageId = ...`) or any volatile call that fills it in
        // place (`rng.NextBytes(bytes)`) makes it volatile.
        if (PlaceOf(operation) is { } place
            && depth < MaxDepth
            && visited.Add(place.Member ?? place.Variable)
            && FindVolatileWrite(operation, place, depth, visited) is { } written)
        {
            return written;
        }

        // A helper of the same file whose body makes the value (`static string NewKey() => Guid.NewGuid().ToString();`):
        // on every path, when each value it returns is made new; on some, when one is (`if (key is null) return
        // $"audio-{Guid.NewGuid():N}";`).
        if (operation is IInvocationOperation { TargetMethod: { } method } call && depth < MaxDepth)
        {
            string? made = null;
            var steady = false;
            var dates = 0;
            var returns = 0;
            foreach (var returned in HelperReturns(call, method))
            {
                returns++;
                if (NamesPeriod(returned) || CutsWindowOfMoment(returned))
                {
                    dates++; // `static string Day(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms).ToString("yyyy-MM-dd");`
                }

                if (FindVolatile(returned, depth + 1, visited) is { } found)
                {
                    made ??= found;
                }
                else if (!IsNull(returned))
                {
                    steady = true;
                }
            }

            if (made is not null && !(_everyPath && steady))
            {
                return made;
            }

            // A helper that only makes a date or a window of what it is given names the period, whatever it is given.
            if (returns > 0 && dates == returns)
            {
                return null;
            }
        }

        foreach (var child in operation.ChildOperations)
        {
            if (FindVolatile(child, depth, visited) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>A date or a window of ten seconds or more, read from a moment or cut from the clock: the same for every attempt within it.</summary>
    private bool NamesPeriod(IOperation operation) => IsCoarseMoment(operation) || IsClockWindow(operation);

    /// <summary>
    /// Whether what a helper returns cuts a window from a moment it is given: a number read from a date or a time divided
    /// by a duration, anywhere in the value (`static long IntervalNumber(DateTime when, int interval) => new
    /// DateTimeOffset(when).ToUnixTimeSeconds() / interval;`, a moment rounded to `d.Ticks`). Given the clock, such a
    /// helper names the window, as the same division written at the send does.
    /// </summary>
    private bool CutsWindowOfMoment(IOperation returned)
    {
        foreach (var node in returned.DescendantsAndSelf())
        {
            if (node is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.IntegerDivide, LeftOperand: { } dividend, RightOperand: { } divisor }
                && ReadsMoment(dividend)
                && IsWindowLength(dividend, divisor))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="operation"/> is a date, or a date and time to the hour or the minute, whatever it is read
    /// from: <c>DateTime.Today</c> (or a clock's <c>Today</c>), <c>now.Date</c>, <c>now.Year</c>, <c>now.Hour</c>,
    /// <c>DateOnly.FromDateTime(now)</c>, or a moment formatted without seconds (<c>now.ToString("yyyy-MM-dd")</c>,
    /// <c>{now:yyyyMMddHH}</c>, <c>{now:d}</c>, <c>now.ToLongDateString()</c>).
    /// </summary>
    private bool IsCoarseMoment(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation { Property.Name: "Today" or "UtcToday", Type: { } today } => DedupIdNames.IsDateOrTime(today),
        IPropertyReferenceOperation { Property.Name: "Date" or "Year" or "Month" or "Day" or "DayOfYear" or "Hour" or "Minute", Instance.Type: { } moment } => DedupIdNames.IsDateOrTime(moment),
        IInvocationOperation { TargetMethod: { Name: "FromDateTime", ContainingType.Name: "DateOnly" } } => true,
        IInvocationOperation { TargetMethod.Name: "ToLongDateString" or "ToShortDateString", Instance.Type: { } moment } => DedupIdNames.IsDateOrTime(moment),
        IInvocationOperation { TargetMethod.Name: "ToString", Instance.Type: { } moment, Arguments.Length: > 0 } format
            => DedupIdNames.IsDateOrTime(moment) && format.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string text } && IsCoarseFormat(text),
        IInterpolationOperation { Expression.Type: { } moment, FormatString.ConstantValue: { HasValue: true, Value: string text } }
            => DedupIdNames.IsDateOrTime(moment) && IsCoarseFormat(text),

        // The first ten characters of an ISO 8601 moment are its date (`now.ToString("o").Substring(0, 10)`, as
        // JavaScript's `toISOString().slice(0, 10)`), the first sixteen its minute.
        IInvocationOperation { TargetMethod.Name: "Substring", Arguments.Length: 2, Instance: { } iso } slice
            => slice.Arguments[0].Value.ConstantValue.Value is 0
                && slice.Arguments[1].Value.ConstantValue.Value is int length && IsCoarseStartOfMoment(iso, length),

        // `now.ToString("o")[..10]`, the same by a range.
        IImplicitIndexerReferenceOperation { Instance: { } iso, Argument: IRangeOperation { RightOperand: { } end } range }
            => (range.LeftOperand is null || Unwrapped(range.LeftOperand).ConstantValue.Value is 0)
                && Unwrapped(end).ConstantValue.Value is int length && IsCoarseStartOfMoment(iso, length), // an int made an Index

        // `now.ToString("o").Split('T')[0]`, as JavaScript's `toISOString().split("T")[0]`: the date before the time.
        IArrayElementReferenceOperation { Indices.Length: 1, ArrayReference: IInvocationOperation { TargetMethod.Name: "Split", Instance: { } iso } split } element
            => IsCoarseStartOfMoment(iso, 10)
                && split.Arguments.Length > 0 && split.Arguments[0].Value.ConstantValue.Value is "T" or 'T'
                && element.Indices[0].ConstantValue.Value is 0,
        _ => false,
    };

    /// <summary>
    /// Whether the first <paramref name="length"/> characters of <paramref name="text"/>, a moment written as ISO 8601
    /// text, show it to the minute or more coarsely: <c>now.ToString("o")</c> (or <c>"s"</c>, <c>"u"</c>) cut to at most
    /// sixteen characters, or a moment written in a custom format whose first characters show no seconds
    /// (<c>now.ToString("yyyy-MM-ddTHH:mm:ss.fffZ")</c> cut to ten is its date, as JavaScript's ISO text is when a
    /// port writes it out). The text may be held in a local first (<c>var observedAt = clock().ToString("o");</c>).
    /// </summary>
    private bool IsCoarseStartOfMoment(IOperation text, int length)
    {
        if (Resolve(text, 0) is not IInvocationOperation { TargetMethod.Name: "ToString", Instance.Type: { } moment, Arguments.Length: 1 } written
            || !DedupIdNames.IsDateOrTime(moment)
            || written.Arguments[0].Value.ConstantValue.Value is not string format)
        {
            return false;
        }

        if (format is "o" or "O" or "s" or "u")
        {
            return length <= 16;
        }

        return format.Length > 1 && IsCoarseFormat(format, length);
    }

    /// <summary>
    /// A .NET date and time format that shows no seconds: the standard <c>d</c>, <c>D</c>, <c>M</c>, <c>Y</c> (and their
    /// lower-case forms), <c>f</c>, <c>g</c> and <c>t</c> (to the minute), or a custom one of years, months, days, hours
    /// and minutes (<c>yyyy-MM-dd</c>, <c>yyyyMM</c>, <c>yyyyMMddHH</c>, <c>yyyy-MM-ddTHH:mm</c>). With
    /// <paramref name="shown"/>, only the fields that write the first that many characters of a custom format are read
    /// (<c>yyyy-MM-dd</c> of <c>yyyy-MM-ddTHH:mm:ss</c> for ten); a field cut in its middle counts whole, and a field of
    /// varying width among them (<c>M</c>, <c>MMM</c>, <c>d</c>) leaves where the cut falls unknown, so it is not coarse.
    /// </summary>
    private static bool IsCoarseFormat(string format, int shown = int.MaxValue)
    {
        var cut = shown != int.MaxValue;
        if (format.Length == 1)
        {
            return !cut && format[0] is 'd' or 'D' or 'M' or 'm' or 'Y' or 'y' or 'f' or 'g' or 't';
        }

        bool hasDate = false, hasDay = false, hasHour = false, hasMinute = false;
        var written = 0;
        var i = 0;
        while (i < format.Length && written < shown)
        {
            var c = format[i];
            if (c == '\\')
            {
                written++;
                i += 2;
                continue;
            }

            if (c is '\'' or '"')
            {
                // Quoted text is written as it is, to the closing quote or to the end.
                var close = format.IndexOf(c, i + 1);
                if (close < 0)
                {
                    if (cut)
                    {
                        return false;
                    }

                    close = format.Length;
                }
                written += close - i - 1;
                i = close + 1;
                continue;
            }

            var run = 1;
            while (i + run < format.Length && format[i + run] == c)
            {
                run++;
            }

            i += run;
            switch (c)
            {
                case 'y' or 'M' or 'd':
                    hasDate = true;
                    hasDay |= c == 'd';
                    break;
                case 'H' or 'h':
                    hasHour = true;
                    break;
                case 'm':
                    hasMinute = true;
                    break;
                case 's' or 'f' or 'F':
                    return false;
            }

            var fixedWidth = c switch
            {
                'y' => run is 2 or 4,
                'M' or 'd' or 'H' or 'h' or 'm' => run == 2,
                'K' or 'z' or 'g' or 't' => false,
                _ => true, // separators and other literal characters, one each
            };
            if (cut && !fixedWidth)
            {
                return false;
            }

            written += run;
        }

        // A minute without its hour, or an hour without its day, comes round again: `mm` is the same every hour.
        return hasDate && (!hasHour || hasDay) && (!hasMinute || hasHour);
    }

    /// <summary>
    /// Whether <paramref name="operation"/> cuts a window of at least ten seconds from the clock: a number read from it
    /// divided by a duration (<c>now.ToUnixTimeMilliseconds() / 60_000</c>, <c>ticks / TimeSpan.TicksPerHour</c>,
    /// <c>seconds / (long)debounce.TotalSeconds</c>), or rounded down to a multiple of one (<c>now - now % period</c>). A
    /// divisor that is no constant is a duration the code names, read as a window; a constant one counts in the unit of
    /// the number divided, and a shorter window, or a number of an unknown unit, is not one.
    /// </summary>
    private bool IsClockWindow(IOperation operation)
    {
        // The clock rounded down to a multiple of a duration (`now - now % period`) is the start of the window it falls
        // in, as the clock divided by the duration is the window's number.
        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Subtract, LeftOperand: { } whole, RightOperand: { } rest }
            && Unwrapped(rest) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Remainder, LeftOperand: { } cut, RightOperand: { } duration }
            && ReadsClock(whole)
            && ReadsClock(cut)
            && !ReadsClock(duration))
        {
            return IsWindowLength(whole, duration);
        }

        if (operation is not IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.IntegerDivide, LeftOperand: { } dividend, RightOperand: { } divisor }
            || !ReadsClock(dividend)
            || ReadsClock(divisor))
        {
            return false;
        }

        return IsWindowLength(dividend, divisor);
    }

    // The shortest window cut from the clock read as a period. Code that cuts 10 to 30 seconds from the clock
    // (`Math.Floor(Date.now() / 30_000)`) does it to fold double clicks and bursts into one send, and readers of the
    // corpus called such ids specific (7 of 8); a cut of a second or a few (`ms / 1000`, `/ 5000`) was called volatile.
    private const double ShortestWindowSeconds = 10;

    /// <summary>
    /// Whether <paramref name="divisor"/> cuts windows of ten seconds or more from the number <paramref name="dividend"/> read
    /// from a moment: a divisor that is no constant is a duration the code names; a constant one counts in the unit of the
    /// number divided, and a number of an unknown unit cuts no window.
    /// </summary>
    private bool IsWindowLength(IOperation dividend, IOperation divisor)
    {
        var constant = Unwrapped(divisor).ConstantValue;
        return !constant.HasValue
            || (constant.Value is IConvertible number
                && SecondsPerUnit(dividend) is { } unit
                && System.Convert.ToDouble(number, System.Globalization.CultureInfo.InvariantCulture) * unit >= ShortestWindowSeconds);
    }

    /// <summary>Whether a date, a time or a duration is read anywhere in <paramref name="operation"/>.</summary>
    private static bool ReadsMoment(IOperation operation)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            if (node.Type is { } type && DedupIdNames.IsDateOrTime(type))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a clock (or another value made new on every call) is read anywhere in <paramref name="operation"/>.</summary>
    private bool ReadsClock(IOperation operation)
    {
        foreach (var node in ThroughLocals(operation))
        {
            if (volatileSources.Describe(node) is not null)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <paramref name="operation"/> and everything in it, and in the values of the locals it reads that are assigned
    /// once: <c>now / cooldownMs</c> with <c>var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()</c> reads the clock
    /// in milliseconds, as the same division written in one line does.
    /// </summary>
    private IEnumerable<IOperation> ThroughLocals(IOperation operation, int depth = 0)
    {
        foreach (var node in operation.DescendantsAndSelf())
        {
            yield return node;
            if (depth < MaxDepth && node is ILocalReferenceOperation local && !node.ConstantValue.HasValue && SingleInitializer(local) is { } initializer)
            {
                foreach (var inner in ThroughLocals(initializer, depth + 1))
                {
                    yield return inner;
                }
            }
        }
    }

    /// <summary>How many seconds one of the number read from the clock stands for, by the member that reads it; null when unknown.</summary>
    private double? SecondsPerUnit(IOperation dividend)
    {
        // A number already divided by a constant counts in a unit that much longer: `ms / 1000.0 / 60 / 30` cuts
        // half hours, as `ms / 1_800_000` does.
        if (Unwrapped(dividend) is IBinaryOperation { OperatorKind: BinaryOperatorKind.Divide or BinaryOperatorKind.IntegerDivide, LeftOperand: { } inner, RightOperand: { } by }
            && Unwrapped(by).ConstantValue is { HasValue: true, Value: IConvertible factor }
            && SecondsPerUnit(inner) is { } innerUnit)
        {
            return innerUnit * System.Convert.ToDouble(factor, System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var node in ThroughLocals(dividend))
        {
            var name = node switch
            {
                IInvocationOperation call => call.TargetMethod.Name,
                IPropertyReferenceOperation property => property.Property.Name,
                _ => null,
            };
            switch (name)
            {
                case "ToUnixTimeMilliseconds" or "TotalMilliseconds":
                    return 0.001;
                case "ToUnixTimeSeconds" or "TotalSeconds":
                    return 1;
                case "Ticks":
                    return 1e-7;
                case "TotalMinutes":
                    return 60;
                case "TotalHours":
                    return 3600;
            }
        }

        return null;
    }

    private static ISymbol? VariableOf(IOperation operation) => operation switch
    {
        ILocalReferenceOperation local => local.Local,
        IParameterReferenceOperation parameter => parameter.Parameter,
        _ => null,
    };

    /// <summary>
    /// Where a value is kept: a local or parameter (<see cref="Member"/> null), or a member of one (<c>order.Id</c>:
    /// <c>order</c> and <c>Id</c>).
    /// </summary>
    private readonly struct Place(ISymbol variable, ISymbol? member)
    {
        public ISymbol Variable { get; } = variable;

        public ISymbol? Member { get; } = member;

        public bool Is(Place? other)
            => other is { } that
                && SymbolEqualityComparer.Default.Equals(Variable, that.Variable)
                && SymbolEqualityComparer.Default.Equals(Member, that.Member);
    }

    private static Place? PlaceOf(IOperation operation) => operation switch
    {
        IPropertyReferenceOperation { Property.IsIndexer: false, Instance: { } instance } property when VariableOf(instance) is { } owner => new Place(owner, property.Property),
        IFieldReferenceOperation { Instance: { } instance } field when VariableOf(instance) is { } owner => new Place(owner, field.Field),
        _ => VariableOf(operation) is { } variable ? new Place(variable, null) : null,
    };

    /// <summary>The name a value is read by: a parameter's, a local's or a property's; null for anything else.</summary>
    private static string? NameOf(IOperation operation) => operation switch
    {
        IParameterReferenceOperation parameter => parameter.Parameter.Name,
        ILocalReferenceOperation local => local.Local.Name,
        IPropertyReferenceOperation property => property.Property.Name,
        _ => null,
    };

    /// <summary>The outermost operation of the body <paramref name="operation"/> belongs to.</summary>
    private static IOperation Outermost(IOperation operation)
    {
        while (operation.Parent is not null)
        {
            operation = operation.Parent;
        }

        return operation;
    }

    /// <summary>
    /// The first volatile value written to <paramref name="place"/> in the method that reads it: its initializer (for a
    /// member, the object initializer of the value its variable is declared with), assignments, compound and <c>??=</c>
    /// assignments, or a volatile source a variable is passed to (<c>rng.NextBytes(bytes)</c>).
    /// </summary>
    private string? FindVolatileWrite(IOperation reference, Place place, int depth, HashSet<ISymbol> visited)
    {
        foreach (var node in Outermost(reference).Descendants())
        {
            cancellationToken.ThrowIfCancellationRequested();

            // A member's `form.IdempotencyKey ??= NewKey()` makes a key once and keeps it with the object for the next
            // attempt. A value given only when the place is missing (`if (key == "") key = NewKey();`, a local's
            // `key ??= NewKey()`) is a fallback, not made new on every path.
            if (node is IAssignmentOperation assignment
                && !(place.Member is not null && assignment is ICoalesceAssignmentOperation)
                && !(_everyPath && (assignment is ICoalesceAssignmentOperation || IsFilledWhenMissing(assignment, place)))
                && place.Is(PlaceOf(assignment.Target))
                && FindVolatile(assignment.Value, depth + 1, visited) is { } assigned)
            {
                return assigned;
            }

            if (node is IVariableDeclaratorOperation { Initializer.Value: { } initial } declarator
                && SymbolEqualityComparer.Default.Equals(declarator.Symbol, place.Variable)
                && FindVolatileInitial(initial, place.Member, depth, visited) is { } declared)
            {
                return declared;
            }

            // Only a buffer is filled by the call it is passed to; `rng.Next(attempt)` does not change `attempt`.
            if (place.Member is null
                && node is IArgumentOperation { Value.Type: IArrayTypeSymbol } argument
                && SymbolEqualityComparer.Default.Equals(VariableOf(argument.Value), place.Variable)
                && argument.Parent is IInvocationOperation filler
                && volatileSources.Describe(filler) is { } source)
            {
                return source;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="place"/> is the own id (<c>Id</c>, <c>Uuid</c>) of an object held in a local that is no
    /// occurrence by its name or its type's (a <c>user</c>, not a <c>message</c> or a <c>request</c>). A local that only
    /// holds a new value (<c>var orderId = Guid.NewGuid()</c>) is a value made at send time, not a thing.
    /// </summary>
    private bool IsIdentityOfNewThing(Place place)
        => place.Member is { Name: var member }
            && DedupIdNames.IsOwnIdName(member)
            && place.Variable is ILocalSymbol local
            && !words.IsOccurrence(local.Name)
            && !(local.Type is { Name.Length: > 0 } type && words.IsOccurrence(type.Name));

    /// <summary>
    /// Whether <paramref name="assignment"/> sits in an <c>if</c> whose condition tests <paramref name="place"/> for being
    /// missing: compared with <c>null</c>, <c>""</c>, <c>default</c> or an <c>Empty</c> (<c>Guid.Empty</c>),
    /// <c>string.IsNullOrEmpty</c> or <c>IsNullOrWhiteSpace</c> of it, or its <c>Length</c> or <c>Count</c>.
    /// </summary>
    private static bool IsFilledWhenMissing(IAssignmentOperation assignment, Place place)
    {
        for (var parent = assignment.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalOperation { Condition: { } condition })
            {
                var readsPlace = false;
                var testsMissing = false;
                foreach (var node in condition.DescendantsAndSelf())
                {
                    readsPlace |= place.Is(PlaceOf(node));
                    testsMissing |= node.ConstantValue is { HasValue: true, Value: null or "" }
                        || node is IDefaultValueOperation or IFieldReferenceOperation { Field.Name: "Empty", Field.IsStatic: true }
                        || node is IIsPatternOperation { Pattern: IConstantPatternOperation or INegatedPatternOperation }
                        || node is IInvocationOperation { TargetMethod.Name: "IsNullOrEmpty" or "IsNullOrWhiteSpace" }
                        || node is IPropertyReferenceOperation { Property.Name: "Length" or "Count" };
                }

                if (readsPlace && testsMissing)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>What a declaration's initial value gives the variable, or the member of an object initializer.</summary>
    private string? FindVolatileInitial(IOperation initial, ISymbol? member, int depth, HashSet<ISymbol> visited)
    {
        if (member is null)
        {
            return FindVolatile(initial, depth + 1, visited);
        }

        if (initial is IObjectCreationOperation { Initializer: { } initializer })
        {
            foreach (var given in initializer.Initializers)
            {
                if (given is IAssignmentOperation { Target: IMemberReferenceOperation { Member: var initialized } } assignment
                    && SymbolEqualityComparer.Default.Equals(initialized, member)
                    && FindVolatile(assignment.Value, depth + 1, visited) is { } made)
                {
                    return made;
                }
            }
        }

        return null;
    }

    /// <summary>
    /// What a method declared in the same file returns: its expression body, or the value of every <c>return</c> of its
    /// block (not those of lambdas or local functions inside it).
    /// </summary>
    private IEnumerable<IOperation> HelperReturns(IInvocationOperation call, IMethodSymbol method)
    {
        if (method.DeclaringSyntaxReferences.Length != 1 || call.SemanticModel is not { } model)
        {
            yield break;
        }

        var reference = method.DeclaringSyntaxReferences[0];
        if (reference.SyntaxTree != model.SyntaxTree)
        {
            yield break;
        }

        var (expressionBody, block) = reference.GetSyntax(cancellationToken) switch
        {
            BaseMethodDeclarationSyntax declaration => (declaration.ExpressionBody, declaration.Body),
            LocalFunctionStatementSyntax local => (local.ExpressionBody, local.Body),
            _ => (null, null),
        };
        if (expressionBody is not null)
        {
            if (model.GetOperation(WithoutSuppression(expressionBody.Expression), cancellationToken) is { } value)
            {
                yield return value;
            }

            yield break;
        }

        if (block is null)
        {
            yield break;
        }

        foreach (var node in block.DescendantNodes(descendIntoChildren: static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax)))
        {
            if (node is ReturnStatementSyntax { Expression: { } returned } && model.GetOperation(WithoutSuppression(returned), cancellationToken) is { } value)
            {
                yield return value;
            }
        }
    }

    /// <summary>
    /// The expression a <c>!</c> applies to (<c>SecurityElement.Escape(s)!</c>): the compiler gives the <c>!</c> no
    /// operation of its own, so the value is read from the expression inside it.
    /// </summary>
    private static ExpressionSyntax WithoutSuppression(ExpressionSyntax expression)
    {
        while (expression is PostfixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.SuppressNullableWarningExpression } suppressed)
        {
            expression = suppressed.Operand;
        }

        return expression;
    }

    /// <summary>Looks through implicit conversions and locals assigned once.</summary>
    private IOperation Resolve(IOperation operation, int depth)
    {
        while (depth++ < MaxDepth)
        {
            if (operation is IConversionOperation { IsImplicit: true } conversion)
            {
                operation = conversion.Operand;
            }
            else if (operation is ILocalReferenceOperation local && !operation.ConstantValue.HasValue && SingleInitializer(local) is { } initializer)
            {
                operation = initializer;
            }
            else
            {
                break;
            }
        }

        return operation;
    }

    /// <summary>
    /// Bare: made of entity identities (with whole numbers and separators among them) and nothing else. A part that
    /// names the event, an id made for deduplication, or anything the rule cannot read keeps it quiet.
    /// </summary>
    private bool IsBare(IOperation operation)
    {
        var parts = new List<DedupIdPart>();
        Collect(operation, parts, 0);
        var entities = 0;
        foreach (var part in parts)
        {
            switch (part)
            {
                case DedupIdPart.Entity:
                    entities++;
                    break;
                case DedupIdPart.Number or DedupIdPart.Separator:
                    break;
                default:
                    return false;
            }
        }

        return entities > 0;
    }

    /// <summary>Adds what <paramref name="operation"/> is made of to <paramref name="parts"/>: its holes and operands, or itself.</summary>
    private void Collect(IOperation operation, List<DedupIdPart> parts, int depth)
    {
        // A local the code names as made for deduplication is such a key, whatever it was read from: in
        // `var idempotencyKey = (string)payload["id"]` the name says what the rule cannot see, that `payload` is an event.
        // Unless it only copies a value named as another kind's identity (`var deduplicationId = log.OrderId`), or builds
        // text the rule reads whole as such values: the name then says what the code meant, the value what it is.
        if (Unwrapped(operation) is ILocalReferenceOperation { Local.Name: var keyName } keyLocal && DedupIdNames.IsMadeForDeduplication(keyName))
        {
            var keyValue = SingleInitializer(keyLocal);
            if (keyValue is not null && CopiesNamedIdentity(keyValue, depth))
            {
                Collect(keyValue, parts, depth + 1);
            }
            else if (keyValue is not null
                && Unwrapped(keyValue) is IInterpolatedStringOperation or IBinaryOperation
                && ReadAlone(keyValue, depth + 1) is var read
                && read.Contains(DedupIdPart.Entity)
                && read.TrueForAll(part => part is DedupIdPart.Entity or DedupIdPart.Separator or DedupIdPart.Number))
            {
                parts.AddRange(read); // text read whole as values of kept things: `$"shopify-order:{connectionId}:{orderId}"`
            }
            else
            {
                parts.Add(DedupIdPart.Precomputed);
            }

            return;
        }

        // A local named as the identity of a kept thing (`var orderID = Encoding.UTF8.GetString(record.Key)`), or as its
        // key or address (`var filePath = Path.Combine(dir, name)`, an `s3Key`, an `email`), whose value the rule cannot
        // read is what its name says: the code's author knew where the value came from. Not other identities: a
        // `childId` or a `pipelineId` may well be one run's.
        if (Unwrapped(operation) is ILocalReferenceOperation { Local: { Name: var localName, Type: var localType } } namedLocal
            && !operation.ConstantValue.HasValue
            && words.Part(localName, localType) == DedupIdPart.Entity
            && ((DedupIdNames.Stem(localName) is { } localKind && DedupIdNames.IsKept(localKind))
                || DedupIdNames.IsKeptThing(localName, localType) || DedupIdNames.IsAddress(localName, localType))
            && SingleInitializer(namedLocal) is { } initializer)
        {
            var read = ReadAlone(initializer, depth + 1);
            parts.AddRange(read.Contains(DedupIdPart.Unknown) && !SaysWhichEvent(read) ? [DedupIdPart.Entity] : read);
            return;
        }

        operation = Resolve(operation, depth);
        if (depth > MaxDepth)
        {
            parts.Add(DedupIdPart.Unknown);
            return;
        }

        if (operation.ConstantValue.HasValue)
        {
            parts.Add(operation.ConstantValue.Value switch
            {
                string text => HasLetter(text) ? DedupIdPart.Label : DedupIdPart.Separator,
                null => DedupIdPart.Unknown,
                _ => DedupIdNames.ByType(operation.Type),
            });
            return;
        }

        // A domain object turned into text (`account.ToString()`, `$"{account}"`: a record's members, or what its
        // override of ToString gives) stands for the object itself, as its id would.
        if (operation is IParameterReferenceOperation or ILocalReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false }
            && IsDomainObject(operation, depth))
        {
            parts.Add(DedupIdPart.Entity);
            return;
        }

        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
                var holesAndText = new List<Piece>();
                foreach (var part in interpolated.Parts)
                {
                    holesAndText.Add(part switch
                    {
                        IInterpolatedStringTextOperation { Text.ConstantValue.Value: string text } => new Piece(text, null),
                        IInterpolationOperation hole => new Piece(null, hole.Expression),
                        _ => new Piece(null, null),
                    });
                }

                CollectPieces(holesAndText, parts, depth);
                return;

            // `"order-" + order.Id` reads as `$"order-{order.Id}"` does.
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation:
                var operands = new List<IOperation>();
                Flatten(concatenation, operands);
                var operandPieces = new List<Piece>();
                foreach (var operand in operands)
                {
                    operandPieces.Add(Unwrapped(operand) is ILiteralOperation { ConstantValue: { HasValue: true, Value: string text } }
                        ? new Piece(text, null)
                        : new Piece(null, operand));
                }

                CollectPieces(operandPieces, parts, depth);
                return;

            // `string.Format("order-{0}", order.Id)` reads as `$"order-{order.Id}"` does; a format held in a named constant
            // is a prefix held in a constant, a label whatever it holds.
            case IInvocationOperation { TargetMethod: { Name: "Format", IsStatic: true, ContainingType.SpecialType: SpecialType.System_String }, Arguments.Length: > 1 } format
                when Unwrapped(format.Arguments[0].Value) is ILiteralOperation { ConstantValue: { HasValue: true, Value: string template } }:
                var values = new List<IOperation>();
                for (var i = 1; i < format.Arguments.Length; i++)
                {
                    if (format.Arguments[i].Value is IArrayCreationOperation { IsImplicit: true, Initializer: { } spread })
                    {
                        values.AddRange(spread.ElementValues);
                    }
                    else
                    {
                        values.Add(format.Arguments[i].Value);
                    }
                }

                if (FormatPieces(template, values) is { } formatPieces)
                {
                    CollectPieces(formatPieces, parts, depth);
                }
                else
                {
                    parts.Add(DedupIdPart.Unknown);
                }

                return;

            case IConversionOperation conversion:
                Collect(conversion.Operand, parts, depth + 1);
                return;

            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance }:
                Collect(instance, parts, depth + 1);
                return;

            // `(item.DealId, item.PaymentNumber).ToString()`: the values of a tuple, each as itself.
            case ITupleOperation tuple:
                foreach (var element in tuple.Elements)
                {
                    Collect(element, parts, depth + 1);
                }

                return;

            case { } respelled when Respelled(respelled) is { } text:
                Collect(text, parts, depth + 1);
                return;

            case IConditionalAccessOperation conditional:
                Collect(conditional.WhenNotNull, parts, depth + 1);
                return;

            // The value a `?.` reads from (`exam.GetValueOrDefault("_id")?.ToString()`) is the one before it.
            case IConditionalAccessInstanceOperation placeholder when AccessedBy(placeholder) is { } accessed:
                Collect(accessed, parts, depth + 1);
                return;

            // `question.Id ?? $"{batchId}-{index}"`: bare when both sides are. A throw after `??`
            // (`movieId ?? throw new ArgumentNullException(...)`) gives no id: the value in front is the only one sent.
            case ICoalesceOperation coalesce:
                Collect(coalesce.Value, parts, depth + 1);
                if (!IsThrow(coalesce.WhenNull))
                {
                    Collect(coalesce.WhenNull, parts, depth + 1);
                }

                return;

            // `data.Code != null ? $"{data.SchoolId}:{data.Code}" : null`: bare when every branch that gives an id is; a
            // null branch sends no id at all.
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                foreach (var branch in new[] { conditional.WhenTrue, whenFalse })
                {
                    if (!IsNull(branch))
                    {
                        Collect(branch, parts, depth + 1);
                    }
                }

                return;

            // A window cut from the clock (`now.ToUnixTimeSeconds() / 300`), or any number worked out from a date or a
            // time (`firedAt.ToUnixTimeSeconds() / 60`), says which occurrence, as a date does.
            case IBinaryOperation window when IsClockWindow(window) || ReadsMoment(window):
                parts.Add(DedupIdPart.Label);
                return;

            // Arithmetic on whole numbers (`i + j`, `page * size`) is a whole number.
            case IBinaryOperation arithmetic when DedupIdNames.ByType(arithmetic.Type) == DedupIdPart.Number:
                parts.Add(DedupIdPart.Number);
                return;

            case IParameterReferenceOperation parameter:
                var byName = Variable(parameter.Parameter.Name, parameter.Type);

                // A helper's parameter whose name says nothing (`s`, `value`) is what the call gives it:
                // `Esc(doc.Number)` with `static string Esc(string s) => SecurityElement.Escape(s)` is the document's number.
                if (byName == DedupIdPart.Unknown && _helperArguments.TryGetValue(parameter.Parameter, out var given))
                {
                    Collect(given, parts, depth + 1);
                }
                else
                {
                    parts.Add(NamedBySentData(operation, byName));
                }

                return;

            case ILocalReferenceOperation local:
                // A variable walking a collection whose own name says nothing is one of its elements, when the collection
                // says they identify objects (`foreach (var id in feedIds)`); otherwise the sent data may still name it. A
                // lone `key` says only that it is a key, which the collection says of what (`foreach (var key in s3Keys)`).
                parts.Add(NamedBySentData(operation, Variable(local.Local.Name, local.Type) is var own
                    && (own == DedupIdPart.Unknown || (own == DedupIdPart.Precomputed && DedupIdNames.IsLoneKeyName(local.Local.Name)))
                    && IteratedCollection(local) is { } iterated && Elements(iterated) == DedupIdPart.Entity ? DedupIdPart.Entity : own));
                return;

            // `context.MessageId.Value`, `orderId.Value`: the value of a nullable or of a strongly typed id (a
            // `readonly record struct OrderId(Guid Value)`, as Vogen and StronglyTypedId generate) is what the wrapper
            // was read as, by its name or its type's name. When the wrapper says nothing, the value is read as itself.
            case IPropertyReferenceOperation { Property: { Name: "Value", IsStatic: false, IsIndexer: false }, Instance: { } wrapper } value:
                var first = parts.Count;
                if (IsDomainObject(wrapper, depth))
                {
                    parts.Add(DedupIdPart.Unknown); // `money.Value`: the member read, not the object's text
                }
                else
                {
                    Collect(wrapper, parts, depth + 1);
                }

                if (parts.Count == first + 1 && parts[first] == DedupIdPart.Unknown)
                {
                    parts[first] = Member(value, "Value", isStatic: false, wrapper, depth);
                }

                return;

            // `data["ipAddress"]`, `row["order_id"]`, `headers["X-Message-Id"]`: an entry read by a fixed key is named by
            // that key, read as a name (`XMessageId`).
            case IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1 } entry
                when entry.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string key }:
                parts.Add(Member(entry, DedupIdNames.NameOfKey(key), isStatic: false, entry.Instance, depth));
                return;

            // `exam.GetValueOrDefault("_id")`, `data.GetValueOrDefault("orderId", "")`: an entry read by a fixed key, as above.
            case IInvocationOperation { TargetMethod.Name: "GetValueOrDefault", Arguments.Length: >= 1 } lookup
                when EntryRead(lookup) is ({ } dictionary, { } fixedKey):
                parts.Add(Member(lookup, DedupIdNames.NameOfKey(fixedKey), isStatic: false, dictionary, depth));
                return;

            // `order.PlacedAt.Ticks`, `due.Year`: a number read from a date or a time is read as that date or time (a
            // stored timestamp says which occurrence), not as a whole number next to an identity.
            case IPropertyReferenceOperation { Property.IsStatic: false, Instance: { Type: { } moment } instant } when DedupIdNames.IsDateOrTime(moment):
                Collect(instant, parts, depth + 1);
                return;

            // Encoding or hashing a value keeps what it identifies: `md5($this->url)` as
            // `Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes(url)))` is the URL's identity in another spelling.
            case IInvocationOperation { Arguments.Length: > 0 } encoding when IsEncodingOrHash(encoding):
                Collect(encoding.Arguments[0].Value, parts, depth + 1);
                return;

            // A helper named as a hash or an encoding (`Sha256(email)`, `HexEncode(digest)`, `md5($url)`) spells its one
            // value otherwise; a hash of a whole object hashes its content, which may say which occurrence.
            case IInvocationOperation { Arguments.Length: 1, TargetMethod.Name: var hasher } hashed when DedupIdNames.NamesHashOrEncoding(hasher):
                if (IsDomainObject(hashed.Arguments[0].Value, depth))
                {
                    parts.Add(DedupIdPart.Unknown);
                }
                else if (NameOf(Unwrapped(hashed.Arguments[0].Value)) is { } hashedName && DedupIdNames.NamesContent(hashedName))
                {
                    parts.Add(DedupIdPart.Precomputed); // a hash of a body or a payload (`Sha256(rawBody)`) is a key of that content
                }
                else
                {
                    Collect(hashed.Arguments[0].Value, parts, depth + 1);
                }

                return;

            // A name-based UUID (`Uuid5(NamespaceUrl, orderId)`, `uuidv5(payout.Id, URL)`) is its name in another spelling;
            // a fixed namespace says nothing, one that varies (`Uuid5(runId, item)`) is read like the name.
            case IInvocationOperation { Arguments.Length: > 0, TargetMethod.Name: var uuidMaker } nameBased when DedupIdNames.NamesNameBasedUuid(uuidMaker):
                foreach (var argument in nameBased.Arguments)
                {
                    if (IsFixedNamespace(Unwrapped(argument.Value)))
                    {
                        parts.Add(DedupIdPart.Separator);
                    }
                    else
                    {
                        Collect(argument.Value, parts, depth + 1);
                    }
                }

                return;

            // `string.Join(",", repositoryIds)`: the values joined, each read as what its collection's name says of one
            // (`repositoryId`, `url`); the separator is a separator.
            case IInvocationOperation { TargetMethod: { Name: "Join", ContainingType.SpecialType: SpecialType.System_String }, Arguments.Length: > 1 } join
                when join.Arguments[0].Value.ConstantValue is { HasValue: true, Value: string or char }:
                for (var i = 1; i < join.Arguments.Length; i++)
                {
                    var joined = InAnyOrder(join.Arguments[i].Value);
                    if (joined is IArrayCreationOperation { Initializer: { } listed }) // `Join(",", a, b)`, `Join(",", new object[] { a, b })`
                    {
                        foreach (var element in listed.ElementValues)
                        {
                            Collect(element, parts, depth + 1);
                        }
                    }
                    else
                    {
                        parts.Add(Elements(joined));
                    }
                }

                return;

            // A getter named after an identity returns that identity: `GetAlbumId(albumEvent)`, `User.GetUserId()`,
            // `order.GetId()`. Its other results (a count, a total) say nothing the rule can read.
            case IInvocationOperation { TargetMethod: { Name: var method } target } getter when DedupIdNames.GetterOf(method) is { } named:
                var read = getter.Instance is { } owner and not IInstanceReferenceOperation && !target.IsStatic
                    ? Member(getter, named, isStatic: false, owner, depth)
                    : Variable(named, type: null); // a static getter, or one of the sending object (`GetAlbumId()`)
                parts.Add(read == DedupIdPart.Number ? DedupIdPart.Unknown : read);
                return;

            // A field or property of the sending object (`_memoryId`, `this.TenantId`) is read by its name, as a local is:
            // the object's constructor or its caller gave it, where the rule cannot see. One the sending method changes
            // (`MessageGroupId += 1`) is the object's running state, which the rule does not read.
            case IFieldReferenceOperation { Field: { IsStatic: false } ownField, Instance: IInstanceReferenceOperation }:
                parts.Add(OwnMember(operation, ownField, ownField.Name.TrimStart('_'), ownField.Type));
                return;
            case IPropertyReferenceOperation { Property: { IsStatic: false, IsIndexer: false } ownProperty, Instance: IInstanceReferenceOperation }:
                parts.Add(OwnMember(operation, ownProperty, ownProperty.Name, ownProperty.Type));
                return;

            case IPropertyReferenceOperation property:
                parts.Add(NamedBySentData(operation, Member(property, property.Property.Name, property.Property.IsStatic || property.Property.IsIndexer, property.Instance, depth)));
                return;

            case IFieldReferenceOperation field:
                parts.Add(NamedBySentData(operation, Member(field, field.Field.Name, field.Field.IsStatic, field.Instance, depth)));
                return;

            // A helper named as making a key for deduplication (`IdempotencyKey(reservation)`) makes one, whatever it reads.
            case IInvocationOperation { TargetMethod.Name: var maker } when DedupIdNames.IsMadeForDeduplication(maker):
                parts.Add(DedupIdPart.Precomputed);
                return;

            // A helper of the same file that builds the id (`static string OrderWorkflowId(string id) => "Order:" + id;`) is
            // read through what it returns, its parameters by their own names or, when a name says nothing, as the
            // arguments the call gives them: bare when every id it returns is.
            case IInvocationOperation { TargetMethod: { } helper } call when depth < MaxDepth && Returned(call, helper) is { Count: > 0 } returns:
                var givenHere = new List<IParameterSymbol>();
                foreach (var argument in call.Arguments)
                {
                    if (argument.Parameter?.OriginalDefinition is IParameterSymbol declared && !_helperArguments.ContainsKey(declared))
                    {
                        _helperArguments[declared] = argument.Value;
                        givenHere.Add(declared);
                    }
                }

                foreach (var returned in returns)
                {
                    Collect(returned, parts, depth + 1);
                }

                foreach (var declared in givenHere)
                {
                    _helperArguments.Remove(declared);
                }

                return;

            default:
                parts.Add(DedupIdPart.Unknown);
                return;
        }
    }

    /// <summary>
    /// A piece of an id built from text and values: text written in place (<c>Text</c>), or a value (<c>Value</c>: an
    /// interpolation's hole, an operand of a concatenation, an argument of a format, a named constant among them); neither
    /// when a format names a value it is not given.
    /// </summary>
    private sealed record Piece(string? Text, IOperation? Value);

    /// <summary>
    /// Reads an id built from pieces (<c>$"order-{order.Id}"</c>, <c>"order-" + order.Id</c>,
    /// <c>string.Format("order-{0}", order.Id)</c>): written text that only names kinds of objects is a separator
    /// (<see cref="NamesOnlyKinds"/>), other written text a label; a lone id after text naming a kind is that kind's id;
    /// every other value is read as itself (text held in a named constant, <c>SourceIdPrefix + tenantId</c>, is then a
    /// prefix held in a constant: a label whatever it holds).
    /// </summary>
    private void CollectPieces(List<Piece> pieces, List<DedupIdPart> parts, int depth)
    {
        var values = new List<IOperation>();
        foreach (var piece in pieces)
        {
            if (piece.Value is { } value)
            {
                values.Add(value);
            }
        }

        var kinds = KindsIdentified(values);
        for (var i = 0; i < pieces.Count; i++)
        {
            var (text, value) = pieces[i];

            // An id written as an address at the app's host (`$"booking-{booking.Id}@kova.bg"`,
            // `$"{appointment.Id}@{host}"`, as iCalendar UIDs and Message-IDs are) names the app after the `@`, not
            // an event: only the text before it is read.
            var hostValueFollows = false;
            if (text is not null && HostAfterAt(pieces, i) is { } at)
            {
                hostValueFollows = at.HostValueFollows;
                text = text.Substring(0, at.Index);
            }

            // The site an id's URL starts with (`https://example.org/posts/`) is the app's: only its path is read.
            if (i == 0 && text is not null && SiteLength(text) is > 0 and var site)
            {
                text = text.Substring(site);
            }

            // A token of a system and a value (`identifier=http://example.org/mrn|{patientId}`, FHIR's way to find a
            // resource by its identifier) names who issues the value before the `|`: a URI written in place, or a value
            // named as a system or a URI (`{MRN_SYSTEM}|{p.Mrn}`, `{identifier.System}|{identifier.Code}`), is that
            // issuer's namespace, as the app's host is after an `@`, not a label of the event.
            if (text is not null)
            {
                text = WithoutTokenSystems(text);
            }
            else if (value is not null && i + 1 < pieces.Count && pieces[i + 1].Text is { } next && next.StartsWith("|", StringComparison.Ordinal)
                && NamesTokenSystem(value))
            {
                parts.Add(DedupIdPart.Separator);
                continue;
            }

            if (text is not null)
            {
                var before = i > 0 ? pieces[i - 1].Value : null;
                var after = i + 1 < pieces.Count ? pieces[i + 1].Value : null;
                parts.Add(!HasLetter(text) || NamesOnlyKinds(text, before, after, kinds, trailing: before is not null && i == pieces.Count - 1) ? DedupIdPart.Separator : DedupIdPart.Label);
                if (hostValueFollows)
                {
                    i++; // the host after the `@` is the app's, not a part of the id
                }
            }
            else if (value is null)
            {
                parts.Add(DedupIdPart.Unknown);
            }
            else if (i > 0 && pieces[i - 1].Text is { } kind && IsIdOfKindNamed(value, kind))
            {
                parts.Add(DedupIdPart.Entity);
            }
            else
            {
                Collect(value, parts, depth + 1);
            }
        }
    }

    /// <summary>Where an id's text starts naming the app's host: the index of its <c>@</c>, and whether a host value follows it.</summary>
    private readonly record struct HostAt(int Index, bool HostValueFollows);

    /// <summary>
    /// The <c>@</c> of text <paramref name="i"/> after which only the app's host follows to the end of the id: written in
    /// place as a host name (<c>@kova.bg</c>, <c>@slotflow</c>), or held in a value named as a host, a domain or a URL
    /// (<c>@{hostname}</c>, <c>"@" + new Uri(baseUrl).Host</c>). Null otherwise: what follows an <c>@</c> may also be a
    /// version (<c>{pr}@{sha}</c>) or a label (<c>{key}@{tz}</c>).
    /// </summary>
    private static HostAt? HostAfterAt(List<Piece> pieces, int i)
    {
        var text = pieces[i].Text!;
        var at = text.LastIndexOf('@');
        if (at < 0 || i == 0)
        {
            return null;
        }

        // A Message-ID closes the address in angle brackets: `<order-{order.Id}@example.com>`, `<...@{emailDomain}>`.
        var host = text.Substring(at + 1);
        if (i == pieces.Count - 1)
        {
            return IsHostName(host.EndsWith(">", StringComparison.Ordinal) ? host.Substring(0, host.Length - 1) : host) ? new HostAt(at, false) : null;
        }

        var last = pieces.Count - 1;
        var hostValueLast = i == last - 1 || (i == last - 2 && pieces[last].Text == ">");
        return host.Length == 0 && hostValueLast && pieces[i + 1].Value is { } value && NamesHost(value) ? new HostAt(at, true) : null;
    }

    /// <summary>
    /// <paramref name="text"/> without the systems of tokens written in place: a URI (<c>http://example.org/mrn</c>,
    /// <c>urn:oid:1.2.3</c>) that ends at a <c>|</c> and starts the text or follows a <c>=</c> or another <c>|</c>.
    /// </summary>
    private static string WithoutTokenSystems(string text)
    {
        var bar = text.IndexOf('|');
        while (bar >= 0)
        {
            var start = text.LastIndexOfAny(['=', '|'], Math.Max(bar - 1, 0)) + 1;
            if (bar > start && IsUri(text.Substring(start, bar - start)))
            {
                text = text.Substring(0, start) + text.Substring(bar);
                bar = start;
            }

            bar = bar + 1 < text.Length ? text.IndexOf('|', bar + 1) : -1;
        }

        return text;
    }

    /// <summary>A URI written out: a scheme and an address (<c>https://…</c>) or a URN (<c>urn:oid:…</c>), without spaces.</summary>
    private static bool IsUri(string text)
        => text.IndexOf(' ') < 0
            && (text.StartsWith("urn:", StringComparison.OrdinalIgnoreCase) || (text.IndexOf("://", StringComparison.Ordinal) is > 0 and var scheme && IsScheme(text.Substring(0, scheme))));

    private static bool IsScheme(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A value named as a token's system: a system or a URI (<c>MRN_SYSTEM</c>, <c>identifier.System</c>,
    /// <c>patientUri</c>), a member of a type so named (<c>Systems.NationalId</c>), or any of these escaped
    /// (<c>EncodeURIComponent(PATIENT_SYSTEM)</c>).
    /// </summary>
    private static bool NamesTokenSystem(IOperation value)
    {
        var operation = Unwrapped(value);
        if (operation is IInvocationOperation { Arguments.Length: 1 } escaped && DedupIdNames.NamesHashOrEncoding(escaped.TargetMethod.Name))
        {
            operation = Unwrapped(escaped.Arguments[0].Value);
        }

        var (name, owner) = operation switch
        {
            IFieldReferenceOperation field => (field.Field.Name, field.Field.IsStatic ? field.Field.ContainingType.Name : null),
            IPropertyReferenceOperation property => (property.Property.Name, property.Property.IsStatic ? property.Property.ContainingType.Name : null),
            _ => (NameOf(operation), null),
        };
        return (name is not null && DedupIdNames.NamesTokenSystem(name)) || (owner is not null && DedupIdNames.NamesTokenSystem(owner));
    }

    /// <summary>The length of the scheme and host a URL written in place starts with (<c>https://example.org</c>), or 0.</summary>
    private static int SiteLength(string text)
    {
        var scheme = text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? 8 : text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 7 : 0;
        if (scheme == 0)
        {
            return 0;
        }

        var end = text.IndexOf('/', scheme);
        return IsHostName(end < 0 ? text.Substring(scheme) : text.Substring(scheme, end - scheme)) ? (end < 0 ? text.Length : end) : 0;
    }

    /// <summary>A host name written out: letters, digits and hyphens, in labels separated by dots (<c>kova.bg</c>, <c>slotflow</c>).</summary>
    private static bool IsHostName(string text)
    {
        if (!HasLetter(text) || text[0] is '.' or '-' || text[text.Length - 1] is '.' or '-')
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!(c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '.' or '-'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// A value that holds a host: named as a host, a domain or a URL (<c>hostname</c>, <c>appDomain</c>, <c>tenantUrl</c>,
    /// <c>new Uri(url).Host</c>), or read by a method so named (<c>ParseUrlHost(...)</c>), whatever stands in when it is missing.
    /// </summary>
    private static bool NamesHost(IOperation value)
    {
        var operation = Unwrapped(value);
        if (operation is ICoalesceOperation coalesce)
        {
            operation = Unwrapped(coalesce.Value);
        }

        var name = operation is IInvocationOperation invocation ? invocation.TargetMethod.Name : NameOf(operation);
        return name is not null && DedupIdNames.NamesHost(name);
    }

    /// <summary>
    /// The pieces of a composite format given <paramref name="values"/>, in order: <c>"order-{0}:{1:D4}"</c> is the text
    /// <c>order-</c>, value 0, the text <c>:</c> and value 1 (an alignment or a format reads as nothing more). Null when
    /// the format is not one <c>string.Format</c> would accept.
    /// </summary>
    private static List<Piece>? FormatPieces(string template, List<IOperation> values)
    {
        var segments = new List<Piece>();
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < template.Length; i++)
        {
            var c = template[i];
            if ((c == '{' || c == '}') && i + 1 < template.Length && template[i + 1] == c)
            {
                text.Append(c); // `{{` and `}}` stand for one brace
                i++;
            }
            else if (c == '{')
            {
                var close = template.IndexOf('}', i);
                var end = close;
                for (var j = i + 1; j < close; j++)
                {
                    if (template[j] is ',' or ':')
                    {
                        end = j;
                        break;
                    }
                }

                if (close < 0 || !int.TryParse(template.Substring(i + 1, end - i - 1).Trim(), out var index))
                {
                    return null;
                }

                if (text.Length > 0)
                {
                    segments.Add(new Piece(text.ToString(), null));
                    text.Clear();
                }

                segments.Add(new Piece(null, index < values.Count ? values[index] : null));
                i = close;
            }
            else if (c == '}')
            {
                return null;
            }
            else
            {
                text.Append(c);
            }
        }

        if (text.Length > 0)
        {
            segments.Add(new Piece(text.ToString(), null));
        }

        return segments;
    }

    /// <summary>
    /// The dictionary and the fixed key of a <c>GetValueOrDefault</c> call, as an instance method or as the extension
    /// method of <c>CollectionExtensions</c> (the dictionary then comes first): <c>(exam, "_id")</c>.
    /// </summary>
    private static (IOperation? Dictionary, string? Key) EntryRead(IInvocationOperation lookup)
    {
        var keyAt = lookup.Instance is null ? 1 : 0;
        return lookup.Arguments.Length > keyAt && lookup.Arguments[keyAt].Value.ConstantValue is { HasValue: true, Value: string key }
            ? (lookup.Instance ?? lookup.Arguments[0].Value, key)
            : (null, null);
    }

    /// <summary>
    /// Whether a value given to a name-based UUID maker is a namespace fixed by the app: a UUID written as a constant
    /// (<c>"6ba7b811-9dad-11d1-80b4-00c04fd430c8"</c>), or a static member that holds a UUID or is named as a namespace
    /// (<c>Uuid.NamespaceUrl</c>, <c>NAMESPACE_DNS</c>). A constant that is no UUID (<c>CONTRACT_VERSION</c>) is a name.
    /// </summary>
    private static bool IsFixedNamespace(IOperation value)
    {
        if (value.ConstantValue is { HasValue: true, Value: string text })
        {
            return Guid.TryParse(text, out _);
        }

        var (name, type) = value switch
        {
            IFieldReferenceOperation { Field: { IsStatic: true } field } => (field.Name, field.Type),
            IPropertyReferenceOperation { Property: { IsStatic: true } property } => (property.Name, property.Type),
            _ => (null, null),
        };
        return name is not null
            && (name.IndexOf("namespace", StringComparison.OrdinalIgnoreCase) >= 0
                || type is INamedTypeSymbol { Name: "Guid", ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } });
    }

    /// <summary>The values a helper of the same file returns, without the <c>null</c>s of its paths that send no id.</summary>
    private List<IOperation> Returned(IInvocationOperation call, IMethodSymbol helper)
    {
        var values = new List<IOperation>();
        foreach (var returned in HelperReturns(call, helper))
        {
            if (!IsNull(returned))
            {
                values.Add(returned);
            }
        }

        return values;
    }

    /// <summary>
    /// Whether <paramref name="value"/> only copies an identity named after a kind of object (<c>log.OrderId</c>,
    /// <c>orderId</c>, <c>orderNumber</c>), not an own <c>Id</c> or an entry whose object the rule cannot see (<c>payload["id"]</c>).
    /// </summary>
    private bool CopiesNamedIdentity(IOperation value, int depth)
    {
        value = Unwrapped(Resolve(value, depth));
        return value is IParameterReferenceOperation or ILocalReferenceOperation or IPropertyReferenceOperation { Property.IsIndexer: false }
            && NameOf(value) is { } name
            && !DedupIdNames.IsOwnIdName(name)
            && (DedupIdNames.Stem(name) ?? DedupIdNames.NumberStem(name)) is not null
            && (value is not IPropertyReferenceOperation property || IsEntity(property.Instance, depth + 1));
    }

    /// <summary>
    /// Whether <paramref name="instance"/> is an object of a type the app declares (an <c>Account</c>, a <c>Fighter</c>),
    /// read from a parameter or a local, that stands for a kept thing (not an occurrence, not the sent event, not a date)
    /// and has text of its own: a record's members, or an override of <c>ToString</c>. Any other object's text is its
    /// type's name, the same for every object, which says nothing the rule reads.
    /// </summary>
    private bool IsDomainObject(IOperation instance, int depth)
    {
        instance = Unwrapped(instance);
        return instance.Type is INamedTypeSymbol { TypeKind: TypeKind.Class or TypeKind.Struct, SpecialType: SpecialType.None } type
            && !type.Locations.IsEmpty && type.Locations[0].IsInSource
            && (type.IsRecord || OverridesToString(type))
            && !DedupIdNames.IsDateOrTime(type)
            && !IsSentEventType(type)
            && !(NameOf(instance) is { } name && DedupIdNames.IsIdentity(name)) // an id type (`task.ID` of an `Id`) is read by its name
            && IsEntity(instance, depth + 1)
            && !IsOccurrence(instance)
            && !IsConfiguredWork(instance, out _)
            && DedupIdNames.ByType(type) == DedupIdPart.Unknown;
    }

    /// <summary>Whether <paramref name="type"/>, or a base type the app declares, overrides <c>ToString()</c>.</summary>
    private static bool OverridesToString(INamedTypeSymbol type)
    {
        for (var declared = type; declared is { Locations.IsEmpty: false } && declared.Locations[0].IsInSource; declared = declared.BaseType)
        {
            foreach (var member in declared.GetMembers("ToString"))
            {
                if (member is IMethodSymbol { IsOverride: true, Parameters.Length: 0 })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="type"/> is an event type of the app (one with an <c>[Event]</c> attribute).</summary>
    private bool IsSentEventType(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
        {
            if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, symbols.EventAttribute))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The collection a <c>foreach</c> variable walks (<c>feedIds</c> of <c>foreach (var id in feedIds)</c>): a variable
    /// whose own name says nothing is one element of it.
    /// </summary>
    private static IOperation? IteratedCollection(ILocalReferenceOperation local)
        => local.Local.DeclaringSyntaxReferences.Length == 1
            && local.Local.DeclaringSyntaxReferences[0].GetSyntax() is Microsoft.CodeAnalysis.CSharp.Syntax.ForEachStatementSyntax loop
            && local.SemanticModel?.GetOperation(loop) is IForEachLoopOperation { Collection: var collection }
            ? Unwrapped(collection)
            : null;

    /// <summary>A collection's name in the singular (<c>repositoryId</c> of <c>repositoryIds</c>, <c>city</c> of <c>cities</c>), or null.</summary>
    private static string? Singular(string? name)
        => name is not { Length: > 1 } || !name.EndsWith("s", StringComparison.Ordinal) ? null
            : name.EndsWith("ies", StringComparison.Ordinal) ? name.Substring(0, name.Length - 3) + "y"
            : name.EndsWith("sses", StringComparison.Ordinal) ? name.Substring(0, name.Length - 2)
            : name.Substring(0, name.Length - 1);

    /// <summary>
    /// What each element of a collection is, by the collection's name in the singular (<c>repositoryIds</c> as
    /// <c>repositoryId</c>, <c>urls</c> as <c>url</c>) and its elements' type.
    /// </summary>
    private DedupIdPart Elements(IOperation collection)
    {
        collection = Unwrapped(collection);
        if (Singular(NameOf(collection)) is not { } one)
        {
            return DedupIdPart.Unknown;
        }

        ITypeSymbol? element = collection.Type switch
        {
            IArrayTypeSymbol array => array.ElementType,
            INamedTypeSymbol { TypeArguments.Length: 1 } generic => generic.TypeArguments[0],
            _ => null,
        };
        return collection switch
        {
            IPropertyReferenceOperation property => Member(collection, one, property.Property.IsStatic, property.Instance, 0),
            _ => Variable(one, element),
        };
    }

    /// <summary>
    /// <paramref name="read"/>, or, when the rule cannot read the value by its own name, what the name the sent data gives
    /// the same value says: <c>id</c> sent as <c>new AvatarRendered(id)</c> is read as <c>AvatarId</c>, and as
    /// <c>new WebhookForwarded(WebhookEventId: id)</c> as an occurrence's id. Only the data member's name counts, not its
    /// type: a member called <c>Value</c> says no more than <c>id</c> does.
    /// </summary>
    private DedupIdPart NamedBySentData(IOperation value, DedupIdPart read)
    {
        if (read != DedupIdPart.Unknown || SentAs(value) is not { } name || name.Equals("id", StringComparison.OrdinalIgnoreCase))
        {
            return read;
        }

        return words.Part(name, type: null);
    }

    /// <summary>The name of the sent data's constructor parameter or initialized property that is given <paramref name="value"/>.</summary>
    private string? SentAs(IOperation value)
    {
        if (_sentData is not IObjectCreationOperation creation)
        {
            return null;
        }

        foreach (var (name, given) in SentEvent.MembersOf(creation))
        {
            // A value parsed into a number or a Guid is the same value (`new ReportQueued(int.Parse(id))`).
            if (SameValue(Unwrapped(given) is IInvocationOperation { TargetMethod: { IsStatic: true, Name: "Parse" or "ToInt32" or "ToInt64" }, Arguments.Length: > 0 } parse ? parse.Arguments[0].Value : given, value, 0))
            {
                return name;
            }
        }

        return null;
    }

    /// <summary>
    /// Whether two reads are of the same variable or the same member chain on it (<c>id</c> and <c>id</c>,
    /// <c>job.Key</c> and <c>job.Key.ToString()</c>), looking through conversions and <c>ToString()</c>.
    /// </summary>
    private static bool SameValue(IOperation first, IOperation second, int depth)
    {
        first = Unwrapped(first);
        second = Unwrapped(second);
        if (depth > MaxDepth)
        {
            return false;
        }

        return (first, second) switch
        {
            (ILocalReferenceOperation a, ILocalReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Local, b.Local),
            (IParameterReferenceOperation a, IParameterReferenceOperation b) => SymbolEqualityComparer.Default.Equals(a.Parameter, b.Parameter),
            (IPropertyReferenceOperation { Property.IsIndexer: false } a, IPropertyReferenceOperation { Property.IsIndexer: false } b)
                => SymbolEqualityComparer.Default.Equals(a.Property, b.Property) && SameInstance(a.Instance, b.Instance, depth),
            (IFieldReferenceOperation a, IFieldReferenceOperation b)
                => SymbolEqualityComparer.Default.Equals(a.Field, b.Field) && SameInstance(a.Instance, b.Instance, depth),
            _ => false,
        };

        static bool SameInstance(IOperation? a, IOperation? b, int depth)
            => (a, b) switch
            {
                (null, null) => true,
                (IInstanceReferenceOperation, IInstanceReferenceOperation) => true,
                (not null, not null) => SameValue(a, b, depth + 1),
                _ => false,
            };
    }

    /// <summary>A value without conversions and <c>ToString()</c> calls on it.</summary>
    private static IOperation Unwrapped(IOperation operation)
    {
        while (true)
        {
            switch (operation)
            {
                case IConversionOperation conversion:
                    operation = conversion.Operand;
                    break;
                case IInvocationOperation { TargetMethod.Name: "ToString", Arguments.Length: 0, Instance: { } instance }:
                    operation = instance;
                    break;
                default:
                    return operation;
            }
        }
    }

    /// <summary>
    /// The values of <paramref name="operation"/> whatever order it puts them in: the array of
    /// <c>new[] { userId, otherId }.OrderBy(x => x)</c>, which joins the same two users in the same order from either
    /// side (a match, a friendship). Sorting, reversing or copying a collection changes the order of its values, not what
    /// they are.
    /// </summary>
    private static IOperation InAnyOrder(IOperation operation)
    {
        var current = Unwrapped(operation);
        while (current is IInvocationOperation { TargetMethod.Name: var name } reorder && Array.IndexOf(Reorderings, name) >= 0
            && (reorder.Instance ?? (reorder.TargetMethod.IsExtensionMethod && reorder.Arguments.Length > 0 ? reorder.Arguments[0].Value : null)) is { } source)
        {
            current = Unwrapped(source);
        }

        return current;
    }

    private static readonly string[] Reorderings = ["OrderBy", "OrderByDescending", "Order", "OrderDescending", "Reverse", "ToArray", "ToList"];

    /// <summary>
    /// The text that <paramref name="operation"/> spells anew, or null. Reformatting a value does not change what it
    /// identifies (`order.Id.ToString().Replace("-", "")`), nor does a slice of text (`voucher.Number.ToString()[..16]`),
    /// a shorter spelling of the same value as `Substring` is.
    /// </summary>
    private static IOperation? Respelled(IOperation operation) => operation switch
    {
        IInvocationOperation { Instance: { Type.SpecialType: SpecialType.System_String } text, TargetMethod.Name: var name }
            when name is "Replace" or "ToLower" or "ToLowerInvariant" or "ToUpper" or "ToUpperInvariant" or "Trim" or "TrimStart" or "TrimEnd" or "Normalize" or "Substring"
            => text,
        IImplicitIndexerReferenceOperation { Instance: { Type.SpecialType: SpecialType.System_String } sliced, Argument.Type: { Name: "Range", ContainingNamespace.Name: "System" } }
            => sliced,
        _ => null,
    };

    /// <summary>
    /// A call that turns its first argument into another spelling of the same value: text to bytes
    /// (<c>Encoding.UTF8.GetBytes</c>), bytes to text (<c>Convert.ToHexString</c>, <c>Convert.ToBase64String</c>,
    /// <c>BitConverter.ToString</c>) or a hash of it (<c>MD5.HashData</c>, <c>SHA256.HashData</c>, <c>ComputeHash</c>).
    /// </summary>
    private static bool IsEncodingOrHash(IInvocationOperation call)
    {
        var method = call.TargetMethod;
        string[] owners = method.Name switch
        {
            "ToHexString" or "ToHexStringLower" or "ToBase64String" => ["System.Convert"],
            "ToString" => ["System.BitConverter"],
            "GetBytes" => ["System.Text.Encoding"],
            "HashData" => HashAlgorithms,
            "ComputeHash" => ["System.Security.Cryptography.HashAlgorithm"],
            _ => [],
        };
        for (var type = method.ContainingType; type is not null && owners.Length > 0; type = type.BaseType)
        {
            foreach (var owner in owners)
            {
                if (TypeNames.HasMetadataName(type, owner))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static readonly string[] HashAlgorithms =
    [
        "System.Security.Cryptography.MD5", "System.Security.Cryptography.SHA1", "System.Security.Cryptography.SHA256",
        "System.Security.Cryptography.SHA384", "System.Security.Cryptography.SHA512",
    ];

    /// <summary>A parameter or a local the rule could not see through, by its name and type.</summary>
    private DedupIdPart Variable(string name, ITypeSymbol? type)
        => DedupIdNames.IsOwnIdName(name)
            ? DedupIdPart.Unknown // `id` (or `uuid`) alone may be an entity's id or a dedup id made elsewhere: unsure, so quiet.
            : words.Part(name, type);

    /// <summary>
    /// A property or field read from a parameter, a local or a chain of properties on one (<c>order.Id</c>,
    /// <c>evt.Data.InvoiceId</c>). The own <c>Id</c> of an Inngest event or options object being forwarded, or of an
    /// object that stands for an occurrence (a webhook event, a message), is an id already.
    /// </summary>
    private DedupIdPart Member(IOperation reference, string name, bool isStatic, IOperation? instance, int depth)
    {
        if (isStatic || !IsEntity(instance, depth + 1))
        {
            return DedupIdPart.Unknown;
        }

        // A job or task that is configured rather than run (a schedule row, a definition) is kept like any domain object:
        // its key (`scheduledTask.Id`, `schedule.TaskId`, `jobDefinition.Name`) names the job, not one run of it.
        if (instance is not null && IsConfiguredWork(instance, out var owner) && DedupIdNames.IsKeyOfWork(name, owner))
        {
            return DedupIdPart.Entity;
        }

        // An object's own `Key` (Laravel's `getKey()`, a primary key), `Code` (a trip's, a product's), `Slug` (a post's)
        // or stored `Hash` (a block's, a commit's, a file's), and a commit's `Sha` (the head of a branch or a pull request
        // is one version of it, which says which change) is its id by another name; a message's key or hash is the
        // message's, as its `Id` would be. A hash a method computes (`d.GetHash()`) may hash anything.
        if ((name is "Key" or "Code" or "Slug" || (name == "Hash" && reference is not IInvocationOperation) || (name == "Sha" && NamesCommit(instance))) && instance is not null && !IsDictionaryEntry(instance))
        {
            return IsOccurrence(instance) ? DedupIdPart.Precomputed : DedupIdPart.Entity;
        }

        // The `Name` of a kept thing (`bucket.Name`, `project.Name`, `repo.Name`) names that one thing, as its key does.
        if (name == "Name" && instance is not null && NameOf(Unwrapped(instance)) is { } thing && DedupIdNames.IsKeptThing(thing, type: null))
        {
            return DedupIdPart.Entity;
        }

        if (DedupIdNames.IsOwnIdName(name) && instance is not null)
        {
            if (IsOccurrence(instance))
            {
                return DedupIdPart.Precomputed;
            }

            // The id of a template (which message is sent), of a revision or of a version (which change of an object)
            // says which occurrence, as a template's name or a version number does: `$"{template.Id}_{email}"`.
            if (NameOf(Unwrapped(instance)) is { } holder && DedupIdNames.NamesWhichOne(holder, instance.Type))
            {
                return DedupIdPart.Label;
            }

            // Any other object's own id, however spelled (`booking.Uid`, Firebase's `user.Uid`, `job.UUID`, `row.Guid`),
            // is that object's, as its `Id` is. A lone `uid` or `uuid` stays unread: it may be made for the request.
            return DedupIdPart.Entity;
        }

        return words.Part(name, reference.Type);
    }

    /// <summary>Whether an object is a commit by its variable's or its type's name (<c>commit</c>, <c>lastCommit</c>, <c>GitCommit</c>).</summary>
    private static bool NamesCommit(IOperation? instance)
        => instance is not null
            && ((NameOf(Unwrapped(instance)) is { } variable && variable.EndsWith("commit", StringComparison.OrdinalIgnoreCase))
                || (instance.Type is { Name: var typeName } && typeName.EndsWith("Commit", StringComparison.Ordinal)));

    /// <summary>
    /// Whether <paramref name="instance"/> is an entry of a dictionary or a group (<c>KeyValuePair</c>, <c>IGrouping</c>):
    /// its <c>Key</c> is whatever the collection is keyed by, not an object's own key.
    /// </summary>
    private static bool IsDictionaryEntry(IOperation instance)
        => Unwrapped(instance).Type is INamedTypeSymbol { Name: "KeyValuePair" or "IGrouping" or "DictionaryEntry" };

    /// <summary>
    /// Whether <paramref name="instance"/> is an Inngest event or options object (whose Id is a complete dedup id being
    /// forwarded) or, by its type's or its variable's name, an occurrence (<c>StripeEvent</c>, <c>webhookMessage</c>).
    /// </summary>
    private bool IsOccurrence(IOperation instance)
    {
        instance = WithoutConversions(instance);
        for (var type = instance.Type as INamedTypeSymbol; type is not null; type = type.BaseType)
        {
            var definition = type.OriginalDefinition;
            if (SymbolEqualityComparer.Default.Equals(definition, symbols.InngestEvent)
                || SymbolEqualityComparer.Default.Equals(definition, symbols.EventEnvelope)
                || SymbolEqualityComparer.Default.Equals(definition, symbols.EventOptions))
            {
                return true;
            }
        }

        if (instance.Type is { Name: { Length: > 0 } typeName } && words.IsOccurrence(typeName))
        {
            return true;
        }

        return NameOf(instance) is { } variable && words.IsOccurrence(variable);
    }

    /// <summary>
    /// Whether <paramref name="instance"/> is a job or task as configured, not one run of it: its type's or variable's
    /// name says so (<c>ScheduledTask</c>, <c>JobSchedule</c>, <c>TaskDefinition</c>, <c>cronJob</c>,
    /// <c>IRepeatedJob</c>), its type carries a schedule (a <c>Cron</c>, <c>CronExpression</c> or <c>Schedule</c>
    /// member, or how often it comes again: an <c>Every</c>, a <c>PollInterval</c>, a <c>Frequency</c>), or the data
    /// sent with the id carries one: a send that hands on a job's schedule registers the job, it
    /// does not run it. An occurrence that is not work (a scheduled message or email) stays an occurrence.
    /// </summary>
    private bool IsConfiguredWork(IOperation instance, out string owner)
    {
        instance = Unwrapped(instance);
        var typeName = instance.Type?.Name ?? "";
        var variable = NameOf(instance) ?? "";
        owner = DedupIdNames.IsWorkOrSchedule(typeName) ? typeName : variable;
        if (!DedupIdNames.IsWorkOrSchedule(owner))
        {
            return false;
        }

        if (DedupIdNames.NamesConfiguration(typeName) || DedupIdNames.NamesConfiguration(variable) || _sendsSchedule)
        {
            return true;
        }

        if (instance.Type is INamedTypeSymbol type)
        {
            foreach (var member in type.GetMembers())
            {
                if (member is IPropertySymbol or IFieldSymbol && DedupIdNames.NamesSchedule(member.Name))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="sentData"/> carries a schedule: a member so named (<c>new JobScheduled(job.Id, cron)</c>
    /// with a <c>CronExpression</c> parameter) or a value read from one (<c>new JobRegistered(settings.Schedule)</c>).
    /// </summary>
    private static bool SendsSchedule(IOperation? sentData)
    {
        if (sentData is not IObjectCreationOperation creation)
        {
            return false;
        }

        foreach (var (name, given) in SentEvent.MembersOf(creation))
        {
            if (DedupIdNames.NamesSchedule(name) || (NameOf(Unwrapped(given)) is { } read && DedupIdNames.NamesSchedule(read)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value the <c>?.</c> of <paramref name="placeholder"/> reads from: <c>row</c> of <c>row?.Id</c>.</summary>
    private static IOperation? AccessedBy(IConditionalAccessInstanceOperation placeholder)
    {
        for (var parent = placeholder.Parent; parent is not null; parent = parent.Parent)
        {
            if (parent is IConditionalAccessOperation access)
            {
                return access.Operation;
            }
        }

        return null;
    }

    /// <summary>The object an entity value is read from: a parameter, a local, or a property chain on one.</summary>
    private bool IsEntity(IOperation? instance, int depth)
    {
        switch (instance)
        {
            case IConversionOperation { IsImplicit: true } conversion:
                return IsEntity(conversion.Operand, depth);
            case IParameterReferenceOperation or ILocalReferenceOperation:
                return true;

            // An element of a collection held in one (`orders[0]`, `arguments.First()`) is read from it, as `orders.Items[0]` is.
            case IArrayElementReferenceOperation { ArrayReference: { } array } when depth < MaxDepth:
                return IsEntity(array, depth + 1);
            case IInvocationOperation pick when depth < MaxDepth && PickedFrom(pick) is { } collection:
                return IsEntity(collection, depth + 1);
            // An object the sending object holds (a Laravel job's `Order`, a service's `_video`) was given to it, as a
            // parameter is given to a method: its members are read as that object's.
            case IPropertyReferenceOperation { Property.IsStatic: false, Instance: IInstanceReferenceOperation }:
            case IFieldReferenceOperation { Field.IsStatic: false, Instance: IInstanceReferenceOperation }:
                return true;
            case IPropertyReferenceOperation property when depth < MaxDepth:
                return !property.Property.IsStatic && IsEntity(property.Instance, depth + 1);

            // A getter without arguments (`@event.GetOrder()`) reads what a property of that name would.
            case IInvocationOperation { TargetMethod: { IsStatic: false, Parameters.Length: 0, Name: var getter }, Instance: { } owner }
                when depth < MaxDepth && DedupIdNames.GetterOf(getter) is not null:
                return IsEntity(owner, depth + 1);
            case IConditionalAccessInstanceOperation placeholder:
                return AccessedBy(placeholder) is { } accessed && IsEntity(accessed, depth + 1);
            default:
                // Fields, `this`, helper calls: where the value comes from is not visible here.
                return false;
        }
    }

    /// <summary>
    /// Whether a literal part of an interpolated string or a concatenation only names kinds of objects: the kind whose
    /// identity sits next to it (<c>$"order-{order.Id}"</c>, <c>"lead-" + leadId</c>, <c>$"user_{action.User.Id}"</c>),
    /// or kinds of things an app keeps (<c>$"customer-{organizationId}"</c>, <c>$"user-profile-{user.Id}"</c>,
    /// <c>$"workspace-customer:{workspace.Id}"</c>), or the kinds whose identities stand elsewhere in the same id
    /// (<c>$"release-{userId}-{release.Id}"</c>, the kinds <paramref name="identified"/>). That says nothing about the
    /// event, so it counts as a separator. <c>$"order-paid-{order.Id}"</c> names the event and stays a label. Text after
    /// the last value (<paramref name="trailing"/>) that names a kept thing no value of the id identifies names a party
    /// or a part, not a kind: <c>$"order:{orderId}:seller"</c> is the seller's message about the order, beside the
    /// buyer's, so it is a label.
    /// </summary>
    private bool NamesOnlyKinds(string text, IOperation? before, IOperation? after, List<string> identified, bool trailing = false)
    {
        var letters = new System.Text.StringBuilder(text.Length);
        var kinds = new List<string>();
        var word = new System.Text.StringBuilder();
        var previous = ' ';
        var capitalized = false;
        foreach (var c in WithoutFileExtension(text) + " ")
        {
            // Words run together as a type's name is are words all the same: `OrderJob` is `order` and `job`. Run
            // together as a method's name is (`claimReward`), they name an act.
            if (char.IsUpper(c) && char.IsLower(previous) && capitalized)
            {
                EndWord();
            }

            previous = c;
            if (char.IsLetterOrDigit(c))
            {
                if (word.Length == 0)
                {
                    capitalized = char.IsUpper(c);
                }

                letters.Append(char.ToLowerInvariant(c));
                word.Append(char.ToLowerInvariant(c));
                continue;
            }

            if (c is not ('-' or '_' or ':' or '/' or '.' or '#' or ' ' or '[' or ']' or '(' or ')' or '<' or '>' or '&' or '|' or '@' or '=' or ','))
            {
                return false;
            }

            EndWord(c);
        }

        // A word that names an occurrence or a label (`generation:{generationId}`, `run-{runId}`) is a label itself.
        var joined = letters.ToString();
        if (joined.Length == 0)
        {
            return kinds.Count == 0 && HasLetter(text); // only `workflow` or `job`
        }

        if (words.IsOccurrence(joined) || DedupIdNames.NamesMessageInText(joined) || (words.IsLabel(joined) && !(DedupIdNames.IsAlsoKept(joined) && (IsOwnIdOf(before, joined) || IsOwnIdOf(after, joined)))))
        {
            return false;
        }

        // A folder of such things names their kind as well (`invoices/` before an invoice's id).
        var one = Singular(joined);
        var beforeKind = EntityWord(before);
        var afterKind = EntityWord(after);
        if (beforeKind == joined || afterKind == joined || OwnName(before) == joined || OwnName(after) == joined
            || (one is not null && (beforeKind == one || afterKind == one))
            || IsHolderOfNext(after, joined)
            || (kinds.Count == 1 && !HasInnerCapital(text)
                && (SameKind(beforeKind, joined) || SameKind(afterKind, joined) || IsInitialism(joined, EntityName(before)) || IsInitialism(joined, EntityName(after)))))
        {
            return true;
        }

        if (identified.Contains(joined))
        {
            return true;
        }

        foreach (var kind in kinds)
        {
            if (identified.Contains(kind) || (Singular(kind) is { } single && identified.Contains(single)))
            {
                continue;
            }

            // After the values, a kept thing's word names a party or a part: read from 25 ids of the corpus with one
            // there, all specific (`$"reservation-{id}-customer"`, `$"match.{matchId}.server"`, `$"deal:{dealId}:order"`).
            var kept = DedupIdNames.IsKindOfKeptThing(kind);
            if ((kept && trailing) || (!kept && !DedupIdNames.IsPlatform(kind) && !_wordsOfNoEvent.Contains(kind)))
            {
                return false;
            }
        }

        return true;

        void EndWord(char separator = ' ')
        {
            if (word.Length == 0)
            {
                return;
            }

            // `workflow`, `job` or `task` says only that an event starts work, which every event sent to a function
            // does: `$"order-workflow-{orderId}"` names no more than `$"order-{orderId}"`, and `$"task_{task.Id}"` of a
            // configured task no more than its id; `recurring` only that it comes again (`$"recurring:{workspaceId}"`),
            // not what comes; the name of a parameter that holds an identifier (`identifier=`, `id=`) only that one follows.
            var said = word.ToString();
            if (said is not ("workflow" or "wf" or "job" or "task" or "recurring") && !(separator == '=' && said is "identifier" or "id" or "uid"))
            {
                kinds.Add(said);
            }
            else
            {
                letters.Length -= word.Length;
            }

            word.Clear();
        }
    }

    /// <summary>
    /// <paramref name="text"/> without a file's extension at its end (<c>.pdf</c> of <c>"/invoice.pdf"</c>): the format a
    /// file is stored in says which file no more than its folder does.
    /// </summary>
    private static string WithoutFileExtension(string text)
    {
        var dot = text.LastIndexOf('.');
        if (dot < 0)
        {
            return text;
        }

        foreach (var extension in FileExtensions)
        {
            if (text.Length - dot - 1 == extension.Length && string.Compare(text, dot + 1, extension, 0, extension.Length, StringComparison.OrdinalIgnoreCase) == 0)
            {
                return text.Substring(0, dot);
            }
        }

        return text;
    }

    private static readonly string[] FileExtensions =
        ["pdf", "csv", "json", "xml", "html", "txt", "zip", "png", "jpg", "jpeg", "webp", "gif", "svg", "mp3", "mp4", "xlsx", "docx"];

    /// <summary>
    /// Whether <paramref name="value"/> is the own id of an object held under the name <paramref name="word"/>
    /// (<c>source.Id</c> for <c>source</c>): a word that names labels elsewhere (<c>source</c>, <c>channel</c>) then only
    /// repeats which object it is.
    /// </summary>
    private static bool IsOwnIdOf(IOperation? value, string word)
        => value is not null && Unwrapped(value) is IPropertyReferenceOperation { Property.Name: var own } && DedupIdNames.IsOwnIdName(own) && EntityWord(value) == word;

    /// <summary>
    /// The kinds of object the values of one id identify (<c>release</c> and <c>user</c> of
    /// <c>$"release-{userId}-{release.Id}"</c>), read once for all the text between them.
    /// </summary>
    private List<string> KindsIdentified(List<IOperation> values)
    {
        var kinds = new List<string>();
        foreach (var value in values)
        {
            if (EntityName(value) is { } name)
            {
                kinds.Add(name.ToLowerInvariant());

                // A name of several words names its kind by the last (`booking` of `updatedBookingData?.Id`, `order` of
                // `newGuestOrder.Id`, `media` of `ProviderMediaId`); words that only say how it is held come after it.
                if (KindWord(name, ofType: false) is { } lastWord)
                {
                    kinds.Add(lastWord);
                }
            }

            // The words of the type whose own id is read name the kind of that object, when the variable is named after
            // the type's last word (`valkey` and `user` of `user.ID` of a `ValkeyUser`); text that spells the type's whole
            // name names it whatever the variable is called (`$"scheduled_transfer_{sched.Pk}"` with a
            // `ScheduledTransfer sched`), and so does its last word that says what its objects are (`survey` of `s.Id`
            // with a `SurveyRow s` or a `Survey s`). A type named after what happened (`created` of an
            // `ActionItemCreated`) names the event.
            if (Unwrapped(value) is IPropertyReferenceOperation { Property.Name: var own, Instance: { Type: INamedTypeSymbol { Locations.Length: > 0 } type } owner }
                && type.Locations[0].IsInSource
                && DedupIdNames.IsOwnIdName(own)
                && !IsSentEventType(type))
            {
                if (NameWords.Split(type.Name, out _).ConvertAll(word => word.Text) is { Count: > 1 } typeWords
                    && typeWords[typeWords.Count - 1] is var last
                    && !last.EndsWith("ed", StringComparison.Ordinal))
                {
                    if (string.Equals(NameOf(Unwrapped(owner)), last, StringComparison.OrdinalIgnoreCase))
                    {
                        kinds.AddRange(typeWords);
                    }

                    kinds.Add(string.Concat(typeWords));
                }

                if (KindWord(type.Name, ofType: true) is { } typeKind)
                {
                    kinds.Add(typeKind);
                }
            }

            // A lone `id` walking a collection is one of its elements (`feed` of `id` in `foreach (var id in feedIds)`).
            if (Unwrapped(value) is ILocalReferenceOperation { Local.Name: var walker } walking && DedupIdNames.IsOwnIdName(walker)
                && IteratedCollection(walking) is { } walked && Singular(NameOf(walked)) is { } one
                && DedupIdNames.Stem(one) is { } walkedKind)
            {
                kinds.Add(walkedKind.ToLowerInvariant());
            }

            // A lone `id` is read by the name the sent data gives it (`track` of `id` sent as `new TrackQueued(TrackId: id)`).
            if (Unwrapped(value) is (ILocalReferenceOperation or IParameterReferenceOperation) and var lone
                && NameOf(lone) is { } loneName && DedupIdNames.IsOwnIdName(loneName)
                && SentAs(value) is { } sentName && DedupIdNames.Stem(sentName) is { } sentKind)
            {
                kinds.Add(sentKind.ToLowerInvariant());
            }
        }

        return kinds;
    }

    private static bool HasDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    // Words that say how an object is held or when it was read, not what it is: `data` of `bookingData`.
    private static readonly string[] HoldingWords = ["data", "doc", "document", "record", "row", "entry", "entity", "dto", "model", "item", "obj", "object", "info", "details", "response", "result", "payload"];

    /// <summary>
    /// The last word of a name that says what the object is, lower-cased, words that only say how it is held left out
    /// (<c>booking</c> of <c>updatedBookingData</c>, <c>survey</c> of <c>SurveyRow</c>); null when an earlier word is an
    /// occurrence (<c>ScanManifest</c>: what one scan made is that scan's, not a kept thing). A variable's name of one
    /// word says no more than itself, so only a type's (<paramref name="ofType"/>) may be read by its first word, and a
    /// type named after what happened (<c>OrderPlaced</c>) names no kind.
    /// </summary>
    private static string? KindWord(string name, bool ofType)
    {
        var split = NameWords.Split(name, out _);
        var last = split.Count - 1;
        while (last >= 0 && Array.IndexOf(HoldingWords, split[last].Text) >= 0)
        {
            last--;
        }

        if (last < (ofType ? 0 : 1))
        {
            return null;
        }

        for (var i = 0; i < last; i++)
        {
            if (DedupIdNames.IsOccurrence(split[i].Text))
            {
                return null;
            }
        }

        var kind = split[last].Text;
        return kind.Length >= 3 && !HasDigit(kind) && !(ofType && EventNames.PastTense.IsPastForm(kind)) ? kind : null;
    }

    /// <summary>
    /// The words, lower-cased, that say nothing about which event an id is for: those of the sent event's domain
    /// (<c>billing</c> of <c>billing/invoice.paid</c>, <c>ai</c> and <c>agents</c> of <c>ai-agents/run.started</c>), and
    /// those of the app's own name, the assembly's and the namespace's the send is in (<c>exceptionless</c> and
    /// <c>core</c> of <c>Exceptionless.Core</c>: <c>$"exceptionless-invoice-{invoice.Id}"</c> is the same for every event
    /// the app sends). The object's words of the event name are not read: apps put the message or the act there as often
    /// as a kept thing (<c>appointment/cancellation.send</c>, <c>agent/provision.requested</c>), and then text repeating
    /// them says which event it is.
    /// </summary>
    private static HashSet<string> WordsOfNoEvent(IOperation value, string? eventName)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        var slash = eventName?.IndexOf('/') ?? -1;
        if (eventName is not null && slash > 0)
        {
            AddWords(eventName.Substring(0, slash));
        }

        if (value.SemanticModel is { } model)
        {
            AddWords(model.Compilation.AssemblyName ?? "");
            for (var space = model.GetEnclosingSymbol(value.Syntax.SpanStart)?.ContainingNamespace; space is { IsGlobalNamespace: false }; space = space.ContainingNamespace)
            {
                AddWords(space.Name);
            }
        }

        return words;

        void AddWords(string name) => words.UnionWith(name.ToLowerInvariant().Split(['.', '-', '_'], StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>
    /// Whether a literal word names the kind an identity names, of at least three letters: the word shortened from the
    /// identity's name (<c>doc</c> for <c>document</c>, <c>appt</c> for <c>appointment</c>: the same first two letters
    /// and some of the others in order), the identity's name an abbreviation of three letters the word starts with (<c>sub</c> for
    /// <c>subscription</c>), or a word ending with the identity's name after at least three more letters, which is a kind
    /// of it (<c>payslip</c> of <c>slip.Id</c>). A longer word only beginning with the identity's name (<c>sitemap</c> of
    /// <c>siteId</c>) is another thing.
    /// </summary>
    private static bool SameKind(string? identified, string word)
        => identified is not null
            && Math.Min(identified.Length, word.Length) >= 3
            && (IsShortening(word, identified) || (identified.Length == 3 && word.StartsWith(identified, StringComparison.Ordinal))
                || (word.Length >= identified.Length + 3 && word.EndsWith(identified, StringComparison.Ordinal)));

    /// <summary>Whether <paramref name="word"/> is made of the first letters of the words of <paramref name="name"/>: <c>pr</c> of <c>pullRequest</c>.</summary>
    private static bool IsInitialism(string word, string? name)
    {
        if (name is null)
        {
            return false;
        }

        var split = NameWords.Split(name, out _);
        if (split.Count < 2 || split.Count != word.Length)
        {
            return false;
        }

        for (var i = 0; i < split.Count; i++)
        {
            if (split[i].Text[0] != word[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether <paramref name="word"/> is <paramref name="full"/> or a shortening of it: its first two letters, then some
    /// of the others in order (<c>appt</c>, <c>acct</c>; <c>csat</c> is no shortening of <c>conversation</c>).
    /// </summary>
    private static bool IsShortening(string word, string full)
    {
        if (word.Length > full.Length || word[0] != full[0] || word[1] != full[1])
        {
            return false;
        }

        var at = 2;
        for (var i = 2; i < word.Length; i++)
        {
            at = full.IndexOf(word[i], at) + 1;
            if (at == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The name a value is read by, lower-cased and without separators: <c>accountid</c> for <c>accountId</c>.</summary>
    private static string? OwnName(IOperation? value)
        => value is not null && NameOf(Unwrapped(value)) is { } name ? name.Replace("_", "").ToLowerInvariant() : null;

    /// <summary>
    /// The name, lower-cased and without separators, of the object whose member a value is, when a local or a parameter
    /// holds it: <c>winner</c> of <c>winner.UserId</c>. Text just before such a value that spells it
    /// (<c>$"contest:{contestId}:winner:{winner.UserId}"</c>) says whose id follows, the party's part in the object
    /// before it, not what happened.
    /// </summary>
    private static string? HolderName(IOperation? value)
        => value is not null && Unwrapped(value) is IMemberReferenceOperation { Instance: { } holder } && holder is ILocalReferenceOperation or IParameterReferenceOperation
            ? OwnName(holder)
            : null;

    /// <summary>
    /// Whether <paramref name="word"/> spells the holder of the value after it (<see cref="HolderName"/>), which is not a
    /// step or a round of something: <c>$"step-{step.StepOrder}"</c> and <c>$"bet:{bet.RoundId}"</c> say which step or
    /// which round.
    /// </summary>
    private static bool IsHolderOfNext(IOperation? after, string word)
        => HolderName(after) == word && !DedupIdNames.IsCounter(word) && !(EntityWord(after) is { } kind && DedupIdNames.IsCounter(kind));

    /// <summary>The kind of object a value identifies, lower-cased: <c>order</c> for <c>order.Id</c>, <c>orderId</c> or <c>order_id</c>.</summary>
    private static string? EntityWord(IOperation? expression) => EntityName(expression)?.ToLowerInvariant();

    /// <summary>
    /// The name that says which kind of object a value identifies, as written: <c>order</c> of <c>order.Id</c>,
    /// <c>OrderId</c>'s <c>Order</c>, <c>updatedBookingData</c> of <c>updatedBookingData?.Id</c>, <c>bookings</c> of
    /// <c>bookings[0].Id</c> (an element of a collection is named by the collection).
    /// </summary>
    private static string? EntityName(IOperation? expression)
    {
        expression = expression is null ? null : WithoutConversions(expression);
        switch (expression)
        {
            case null:
                return null;

            // `x.ToString()` names what x names, and so does x spelled anew (`ticket.Id.Replace("-", "")`); `row?.Id`
            // what `row.Id` does.
            case IInvocationOperation { TargetMethod.Name: "ToString", Instance: { } instance }:
                return EntityName(instance);
            case { } respelled when Respelled(respelled) is { } text:
                return EntityName(text);
            case IConditionalAccessOperation conditional:
                return EntityName(conditional.WhenNotNull);

            // `order.Id` (or its own key, `trip.Code`, `commit.Sha`) names its object by the variable it is read from;
            // `orderId`, `x.OrderId` and `x.ReceiptNumber` by their own name.
            case IPropertyReferenceOperation { Property.Name: var property, Instance: { } owner }
                when DedupIdNames.IsOwnIdName(property) || property is "Key" or "Code" or "Slug" or "Hash" or "Sha":
                return NameOf(HolderOf(owner));
            default:
                return NameOf(expression) is { } own ? DedupIdNames.Stem(own) ?? DedupIdNames.NumberStem(own) : null;
        }
    }

    /// <summary>The collection one element of which a call picks (<c>orders</c> of <c>orders.First()</c>), or null.</summary>
    private static IOperation? PickedFrom(IInvocationOperation call)
        => call is { TargetMethod: { Name: "First" or "FirstOrDefault" or "Single" or "SingleOrDefault" or "Last" or "LastOrDefault", IsExtensionMethod: true }, Arguments.Length: 1 }
            ? call.Arguments[0].Value
            : null;

    /// <summary>
    /// The variable an object is read from: itself, the value before a <c>?.</c>, or the collection an element is
    /// taken from (<c>bookings</c> of <c>bookings[0]</c> or <c>bookings.First()</c>).
    /// </summary>
    private static IOperation HolderOf(IOperation owner)
    {
        for (var depth = 0; depth < MaxDepth; depth++)
        {
            switch (Unwrapped(owner))
            {
                case IConditionalAccessInstanceOperation placeholder when AccessedBy(placeholder) is { } accessed:
                    owner = accessed;
                    break;
                case IArrayElementReferenceOperation { ArrayReference: { } array }:
                    owner = array;
                    break;
                case IPropertyReferenceOperation { Property.IsIndexer: true, Instance: { } list }:
                    owner = list;
                    break;
                case IInvocationOperation pick when PickedFrom(pick) is { } collection:
                    owner = collection;
                    break;
                case var plain:
                    return plain;
            }
        }

        return Unwrapped(owner);
    }

    /// <summary>
    /// Whether <paramref name="value"/> is a variable named just <c>id</c> (or <c>uuid</c>) after text that names only
    /// kinds of kept things: <c>"Order_" + id</c>, <c>$"user-{id}"</c> is the id of that order or user. Alone, such a
    /// variable may hold a dedup id made elsewhere and is left unknown.
    /// </summary>
    private bool IsIdOfKindNamed(IOperation value, string text)
        => Unwrapped(value) is var variable and (ILocalReferenceOperation or IParameterReferenceOperation)
            && NameOf(variable) is { } name
            && (DedupIdNames.IsOwnIdName(name) || name.Equals("key", StringComparison.OrdinalIgnoreCase))
            && HasLetter(text)
            && NamesOnlyKinds(text, before: null, after: null, identified: [])
            && !(variable is ILocalReferenceOperation local && SingleInitializer(local) is { } initial && SaysWhichEvent(ReadAlone(initial, 1)));

    /// <summary>What <paramref name="value"/> is made of, read on its own: the parts <see cref="Collect"/> finds.</summary>
    private List<DedupIdPart> ReadAlone(IOperation value, int depth)
    {
        var read = new List<DedupIdPart>();
        Collect(value, read, depth);
        return read;
    }

    /// <summary>
    /// Whether parts read from a value make it a key made for deduplication or say which event it is for: a local
    /// <c>var id = Sha256(rawBody)</c> holds a hash of a payload, not the id of the kind named before it.
    /// </summary>
    private static bool SaysWhichEvent(List<DedupIdPart> read) => read.Exists(part => part is DedupIdPart.Label or DedupIdPart.Precomputed);

    /// <summary>The operands of a chain of string concatenations, left to right (<c>"order-" + a + ":" + b</c>).</summary>
    private static void Flatten(IOperation operation, List<IOperation> operands)
    {
        if (operation is IBinaryOperation { OperatorKind: BinaryOperatorKind.Add, Type.SpecialType: SpecialType.System_String } concatenation)
        {
            Flatten(concatenation.LeftOperand, operands);
            Flatten(concatenation.RightOperand, operands);
        }
        else
        {
            operands.Add(operation);
        }
    }

    /// <summary>What a value is under the conversions the compiler puts around it (<c>throw</c> in <c>x ?? throw ...</c>, <c>null</c> as a string).</summary>
    private static IOperation WithoutConversions(IOperation operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }

    private static bool IsThrow(IOperation operation) => WithoutConversions(operation) is IThrowOperation;

    private static bool IsNull(IOperation operation)
        => WithoutConversions(operation) is { ConstantValue: { HasValue: true, Value: null } } or IDefaultValueOperation;

    /// <summary>Whether a capital letter follows a small one (<c>fileUpdated</c>): words joined in camel case.</summary>
    private static bool HasInnerCapital(string text)
    {
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsUpper(text[i]) && char.IsLower(text[i - 1]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasLetter(string? text)
    {
        if (text is null)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (char.IsLetter(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The initializer of a local declared with one (<c>var id = ...;</c>) and never written again in the method;
    /// null for anything else (no initializer, foreach and pattern variables, reassigned, ref or out uses).
    /// </summary>
    private IOperation? SingleInitializer(ILocalReferenceOperation reference)
    {
        var local = reference.Local;
        if (local.IsConst || local.IsRef || local.DeclaringSyntaxReferences.Length != 1 || reference.SemanticModel is not { } model)
        {
            return null;
        }

        if (local.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not VariableDeclaratorSyntax { Initializer.Value: { } valueSyntax }
            || valueSyntax.SyntaxTree != model.SyntaxTree)
        {
            return null;
        }

        return IsWrittenAlongside(reference, local) ? null : model.GetOperation(valueSyntax, cancellationToken);
    }

    /// <summary>A field or property of the sending object, read by its name unless the sending method also writes it.</summary>
    private DedupIdPart OwnMember(IOperation reference, ISymbol member, string name, ITypeSymbol type)
        => IsWrittenAlongside(reference, member) ? DedupIdPart.Unknown : NamedBySentData(reference, Variable(name, type));

    /// <summary>
    /// Whether the method that reads <paramref name="variable"/> (a local, or a field or property of its own object) also
    /// writes it, other than where a local is declared.
    /// </summary>
    private static bool IsWrittenAlongside(IOperation reference, ISymbol variable)
    {
        foreach (var node in Outermost(reference).Descendants())
        {
            ISymbol? written = node switch
            {
                ILocalReferenceOperation local => local.Local,
                IFieldReferenceOperation field => field.Field,
                IPropertyReferenceOperation property => property.Property,
                _ => null,
            };
            if (written is not null && SymbolEqualityComparer.Default.Equals(written, variable) && IsWrite(node))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsWrite(IOperation use)
    {
        var child = use;
        var parent = use.Parent;
        while (parent is ITupleOperation)
        {
            child = parent;
            parent = parent.Parent;
        }

        return parent switch
        {
            IAssignmentOperation assignment => ReferenceEquals(assignment.Target, child),
            IIncrementOrDecrementOperation => true,
            IArgumentOperation argument => argument.Parameter?.RefKind is RefKind.Ref or RefKind.Out,
            _ => false,
        };
    }
}
