using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Inngest.Events.Generators.Diagnostics;
using Inngest.Events.Generators.Json;
using Inngest.Events.Generators.Shared;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Functions;

public sealed partial class FunctionGenerator
{
    /// <summary>Turns one [InngestFunction] method (and its OnFailure handler) into value models, or the diagnostics that stop generation.</summary>
    internal static class Parser
    {
        public static FunctionParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var method = (IMethodSymbol)context.TargetSymbol;
            var syntax = (MethodDeclarationSyntax)context.TargetNode;
            var attribute = context.Attributes[0];
            var attributeSyntax = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax;
            var attributeLocation = attributeSyntax?.GetLocation() ?? syntax.Identifier.GetLocation();

            var id = attribute.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty;
            var name = Named(attribute, "Name");
            var onFailure = Named(attribute, "OnFailure");
            var onFailureLocation = attributeSyntax?.ArgumentList?.Arguments
                .FirstOrDefault(static a => a.NameEquals?.Name.Identifier.ValueText == "OnFailure")?.GetLocation() ?? attributeLocation;

            var ids = new List<FunctionIdSite> { new(id, LocationInfo.From(attributeLocation)) };
            if (onFailure is not null)
            {
                ids.Add(new FunctionIdSite(id + "-failure", LocationInfo.From(onFailureLocation)));
            }

            var diagnostics = new List<DiagnosticInfo>();
            var resultTypes = new List<StepTypeModel>();
            var display = Display(method);
            var compilation = context.SemanticModel.Compilation;
            var shape = ParseShape(method, display, isFailureHandler: false, diagnostics, resultTypes, compilation, cancellationToken);

            // Triggers: the event parameter's type, unless [Trigger<T>] attributes list the event triggers; [Cron] adds schedules.
            var triggers = new List<FunctionTriggerModel>();
            var triggerTypes = new List<string>();
            var hasCron = false;
            foreach (var data in method.GetAttributes())
            {
                var attributeClass = data.AttributeClass?.OriginalDefinition;
                if (TypeNames.HasMetadataName(attributeClass, KnownNames.TriggerAttribute) && data.AttributeClass!.TypeArguments.FirstOrDefault() is { } triggerType)
                {
                    var eventType = EventType(triggerType);
                    triggerTypes.Add(eventType.TypeName);
                    triggers.Add(new FunctionTriggerModel(eventType, Named(data, "If"), null, null, null));
                }
                else if (TypeNames.HasMetadataName(attributeClass, KnownNames.CronAttribute))
                {
                    hasCron = true;
                    triggers.Add(new FunctionTriggerModel(null, null, data.ConstructorArguments.FirstOrDefault().Value as string ?? string.Empty, Named(data, "Jitter"), null));
                }
            }

            if (shape is { EventParameters: 0 } && triggers.Count == 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FunctionTriggerMissing, syntax.Identifier.GetLocation(), display,
                    "has no trigger: give it an Event<T> parameter (IReadOnlyList<Event<T>> or Event<T>[] for a batch), or [Trigger<T>] or [Cron] attributes"));
            }
            else if (shape is { EventType: { } parameterEvent })
            {
                if (hasCron)
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FunctionTriggerMismatch, syntax.Identifier.GetLocation(), display, parameterEvent.Message,
                        "it has a [Cron] trigger, whose runs start with an 'inngest/scheduled.timer' event; a scheduled function takes no event parameter"));
                }
                else if (triggerTypes.Count == 0)
                {
                    triggers.Insert(0, new FunctionTriggerModel(parameterEvent.Model, null, null, null, null));
                }
                else if (!triggerTypes.Contains(parameterEvent.Model.TypeName))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FunctionTriggerMismatch, syntax.Identifier.GetLocation(), display, parameterEvent.Message,
                        $"none of its [Trigger<T>] attributes is a Trigger<{parameterEvent.Message}>; add one (with or without If) so its own event starts it"));
                }
            }

            var config = ParseConfig(method);
            var warnings = new List<DiagnosticInfo>();
            if (shape is { EventType: { } taken })
            {
                CheckBatchShape(display, taken, config, diagnostics, warnings);
            }

            FunctionModel? failure = null;
            if (onFailure is not null)
            {
                failure = ParseFailureHandler(method, onFailure, onFailureLocation, id, name, display, diagnostics, resultTypes, compilation, cancellationToken);
            }

            if (diagnostics.Count > 0 || shape is null)
            {
                return new FunctionParseResult(EquatableArray<FunctionModel>.Empty, EquatableArray<StepTypeModel>.Empty, ids.ToEquatableArray(), diagnostics.Concat(warnings).ToEquatableArray());
            }

            var functions = new List<FunctionModel>
            {
                new(
                    id,
                    name,
                    TypeNames.Display(method.ContainingType),
                    TypeNames.Escape(method.Name),
                    method.IsStatic,
                    shape.Parameters,
                    shape.ReturnKind,
                    shape.ResultType,
                    shape.EventType?.Model.TypeName,
                    false,
                    triggers.ToEquatableArray(),
                    config),
            };
            if (failure is not null)
            {
                functions.Add(failure);
            }

            return new FunctionParseResult(functions.ToEquatableArray(), resultTypes.ToEquatableArray(), ids.ToEquatableArray(), warnings.ToEquatableArray());
        }

        /// <summary>
        /// Whether the event parameter's shape fits the function's batching. Inngest starts a batched function's run with
        /// the whole batch in <c>events</c> and only its first event in <c>event</c>: a single <c>Event&lt;T&gt;</c>
        /// parameter would drop the rest without a trace (an error). A list without <c>[BatchEvents]</c> always holds one
        /// event: it works, but says something untrue about the function (a warning, so the function still generates).
        /// </summary>
        private static void CheckBatchShape(string display, EventParameter taken, FunctionConfigModel config, List<DiagnosticInfo> errors, List<DiagnosticInfo> warnings)
        {
            if (config.BatchEvents is { } batch && !taken.IsBatch)
            {
                errors.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BatchedFunctionTakesOneEvent, taken.Location, display, taken.Name, taken.Message,
                    batch.MaxSize.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
            else if (config.BatchEvents is null && taken.IsBatch)
            {
                warnings.Add(DiagnosticInfo.Create(DiagnosticDescriptors.EventListWithoutBatchEvents, taken.Location, display, taken.Name, taken.TypeMessage, taken.Message));
            }
        }

        /// <summary>
        /// Whether <paramref name="type"/> implements IEventData&lt;itself&gt; (by hand, or from the event generator), has
        /// [Event] but cannot get the implementation (it or a containing type is not partial: INNG1001, reported on the
        /// type), or is no event at all. Generated code must not name a broken event where IEventData is required.
        /// </summary>
        public static EventTypeStatus EventStatus(ITypeSymbol type)
        {
            if (type.AllInterfaces.Any(i => TypeNames.HasMetadataName(i.OriginalDefinition, KnownNames.EventDataInterface)
                && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], type)))
            {
                return EventTypeStatus.Valid;
            }

            if (!type.GetAttributes().Any(static a => TypeNames.HasMetadataName(a.AttributeClass, KnownNames.EventAttribute)))
            {
                return EventTypeStatus.NotAnEvent;
            }

            for (var t = type; t is not null; t = t.ContainingType)
            {
                foreach (var reference in t.DeclaringSyntaxReferences)
                {
                    if (reference.GetSyntax() is TypeDeclarationSyntax declaration && !declaration.Modifiers.Any(SyntaxKind.PartialKeyword))
                    {
                        return EventTypeStatus.Broken;
                    }
                }
            }

            return EventTypeStatus.Valid;
        }

        /// <summary>The parameters and return of a function method, when they are all supported.</summary>
        private sealed record Shape(
            EquatableArray<FunctionParameterModel> Parameters,
            int EventParameters,
            EventParameter? EventType,
            FunctionReturnKind ReturnKind,
            string? ResultType);

        /// <summary>The event parameter a function reads its event(s) from.</summary>
        /// <param name="Message">The event data type, as messages name it.</param>
        /// <param name="IsBatch">Whether it takes every event of the call (<c>IReadOnlyList&lt;Event&lt;T&gt;&gt;</c> or <c>Event&lt;T&gt;[]</c>).</param>
        /// <param name="TypeMessage">The parameter's type, with the short names the user wrote (<c>IReadOnlyList&lt;Event&lt;OrderPlaced&gt;&gt;</c>).</param>
        private sealed record EventParameter(EventTypeModel Model, string Message, bool IsBatch, string Name, string TypeMessage, Location? Location);

        /// <summary>
        /// Checks what a function or failure handler method must be (concrete, reachable, supported parameters and
        /// return), reporting each problem; returns null when the handler cannot be generated.
        /// </summary>
        private static Shape? ParseShape(
            IMethodSymbol method,
            string display,
            bool isFailureHandler,
            List<DiagnosticInfo> diagnostics,
            List<StepTypeModel> resultTypes,
            Compilation compilation,
            CancellationToken cancellationToken)
        {
            var before = diagnostics.Count;
            var methodLocation = method.Locations.FirstOrDefault();

            // Every problem of a failure handler is reported as INNG2007 (with its own wording), pointing at the handler.
            void Report(DiagnosticDescriptor descriptor, Location? location, string[] arguments, string failureReason)
                => diagnostics.Add(isFailureHandler
                    ? DiagnosticInfo.Create(DiagnosticDescriptors.OnFailureHandlerInvalid, location ?? methodLocation, method.Name, display, failureReason)
                    : DiagnosticInfo.Create(descriptor, location ?? methodLocation, arguments));

            var generic = method.IsGenericMethod;
            for (var t = method.ContainingType; t is not null && !generic; t = t.ContainingType)
            {
                generic = t.IsGenericType;
            }

            if (generic)
            {
                Report(DiagnosticDescriptors.FunctionGeneric, null, [display], "is generic or is declared in a generic type");
            }

            var inaccessible = WhyNotAccessible(method);
            if (inaccessible is not null)
            {
                Report(DiagnosticDescriptors.FunctionNotAccessible, null, [display, inaccessible], "cannot be called by the generated handler: " + inaccessible);
            }

            var parameters = ImmutableArray.CreateBuilder<FunctionParameterModel>();
            var eventParameters = new List<IParameterSymbol>();
            var unusableEvent = false;
            EventParameter? eventType = null;
            foreach (var parameter in method.Parameters)
            {
                var location = parameter.Locations.FirstOrDefault();
                if (parameter.RefKind != RefKind.None)
                {
                    Report(DiagnosticDescriptors.FunctionParameterNotSupported, location, [parameter.Name, display, "is passed by reference"], $"takes the parameter '{parameter.Name}' by reference");
                    continue;
                }

                var type = parameter.Type;
                if (EventEnvelope(type, out var batch) is { } envelope)
                {
                    var data = envelope.TypeArguments[0];
                    eventParameters.Add(parameter);
                    if (isFailureHandler && (batch || !TypeNames.HasMetadataName(data, KnownNames.FunctionFailed)))
                    {
                        Report(DiagnosticDescriptors.FunctionParameterNotSupported, location, [parameter.Name, display, $"has the type '{TypeNames.MessageName(type)}'"],
                            $"takes the parameter '{parameter.Name}' of type '{TypeNames.MessageName(type)}'; a failure handler's event parameter is Event<FunctionFailed>");
                        continue;
                    }

                    if (EventStatus(data) != EventTypeStatus.Valid)
                    {
                        // Event<T> of a type that is no event (CS0311 in the user's signature) or whose [Event] has an
                        // error of its own: no handler can be generated, and the error to read is not ours.
                        unusableEvent = true;
                        continue;
                    }

                    var model = EventType(data);
                    eventType ??= new EventParameter(model, TypeNames.MessageName(data), batch, parameter.Name, type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat), location);
                    parameters.Add(new FunctionParameterModel(batch ? FunctionParameterKind.EventBatch : FunctionParameterKind.Event, model.TypeName));
                    continue;
                }

                FunctionParameterKind? kind = TypeNames.HasMetadataName(type, KnownNames.StepTools) ? FunctionParameterKind.StepTools
                    : TypeNames.HasMetadataName(type, KnownNames.FunctionContext) ? FunctionParameterKind.Context
                    : TypeNames.HasMetadataName(type, KnownNames.CancellationToken) ? FunctionParameterKind.CancellationToken
                    : null;
                if (kind is null)
                {
                    Report(DiagnosticDescriptors.FunctionParameterNotSupported, location, [parameter.Name, display, $"has the type '{TypeNames.MessageName(type)}'"],
                        $"takes the parameter '{parameter.Name}' of type '{TypeNames.MessageName(type)}'; a failure handler takes Event<FunctionFailed>, IStepTools, FunctionContext and CancellationToken");
                    continue;
                }

                parameters.Add(new FunctionParameterModel(kind.Value, null));
            }

            if (eventParameters.Count > 1)
            {
                var names = string.Join("', '", eventParameters.Select(static p => p.Name));
                var why = $"has more than one event parameter ('{names}'); a function takes exactly one: Event<T>, or IReadOnlyList<Event<T>> or Event<T>[] for a batch";
                Report(DiagnosticDescriptors.FunctionTriggerMissing, eventParameters[1].Locations.FirstOrDefault(), [display, why], why);
            }

            var returnType = method.ReturnType as INamedTypeSymbol;
            var returnDefinition = returnType?.OriginalDefinition;
            FunctionReturnKind? returnKind = TypeNames.HasMetadataName(returnDefinition, KnownNames.Task) ? FunctionReturnKind.Task
                : TypeNames.HasMetadataName(returnDefinition, KnownNames.TaskOfT) ? FunctionReturnKind.TaskOfT
                : TypeNames.HasMetadataName(returnDefinition, KnownNames.ValueTask) ? FunctionReturnKind.ValueTask
                : TypeNames.HasMetadataName(returnDefinition, KnownNames.ValueTaskOfT) ? FunctionReturnKind.ValueTaskOfT
                : null;
            var returnLocation = (method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as MethodDeclarationSyntax)?.ReturnType.GetLocation();
            string? resultType = null;
            if (returnKind is null)
            {
                Report(DiagnosticDescriptors.FunctionReturnTypeNotSupported, returnLocation, [display, TypeNames.MessageName(method.ReturnType)],
                    $"returns '{TypeNames.MessageName(method.ReturnType)}'; a failure handler returns Task, Task<T>, ValueTask or ValueTask<T>");
            }
            else if (returnKind is FunctionReturnKind.TaskOfT or FunctionReturnKind.ValueTaskOfT)
            {
                var result = returnType!.TypeArguments[0];
                resultType = TypeNames.Display(result);
                var described = ResultTypes.Describe(result, compilation, cancellationToken, out var problem);
                if (problem is not null)
                {
                    // Reported as INNG2001 for failure handlers too: the type is the problem, not the handler.
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ResultTypeNotSerializable, returnLocation ?? methodLocation,
                        TypeNames.MessageName(result), isFailureHandler ? $"the OnFailure handler '{method.Name}'" : $"the function '{display}'", problem));
                }
                else if (described is not null)
                {
                    resultTypes.Add(described);
                }
            }

            if (diagnostics.Count > before || returnKind is null || unusableEvent)
            {
                return null;
            }

            return new Shape(parameters.ToImmutable().ToEquatableArray(), eventParameters.Count, eventType, returnKind.Value, resultType);
        }

        /// <summary>
        /// The <c>Event&lt;T&gt;</c> of an event parameter: the type itself, or the element of a batch parameter
        /// (<c>IReadOnlyList&lt;Event&lt;T&gt;&gt;</c> or a one-dimensional <c>Event&lt;T&gt;[]</c>); null for any other type.
        /// </summary>
        private static INamedTypeSymbol? EventEnvelope(ITypeSymbol type, out bool batch)
        {
            batch = false;
            if (TypeNames.DefinitionHasMetadataName(type, KnownNames.Event))
            {
                return (INamedTypeSymbol)type;
            }

            var element = type switch
            {
                IArrayTypeSymbol { Rank: 1 } array => array.ElementType,
                INamedTypeSymbol { TypeArguments.Length: 1 } list when TypeNames.DefinitionHasMetadataName(list, KnownNames.ReadOnlyList) => list.TypeArguments[0],
                _ => null,
            };
            if (element is INamedTypeSymbol envelope && TypeNames.DefinitionHasMetadataName(envelope, KnownNames.Event))
            {
                batch = true;
                return envelope;
            }

            return null;
        }

        private static FunctionModel? ParseFailureHandler(
            IMethodSymbol function,
            string handlerName,
            Location onFailureLocation,
            string id,
            string? name,
            string display,
            List<DiagnosticInfo> diagnostics,
            List<StepTypeModel> resultTypes,
            Compilation compilation,
            CancellationToken cancellationToken)
        {
            var candidates = function.ContainingType.GetMembers(handlerName).OfType<IMethodSymbol>().Where(static m => m.MethodKind == MethodKind.Ordinary).ToList();
            if (candidates.Count != 1)
            {
                var why = candidates.Count == 0
                    ? $"is not a method of '{TypeNames.MessageName(function.ContainingType)}'; name a method of the same class, e.g. OnFailure = nameof({handlerName})"
                    : $"names {candidates.Count} overloads; name a method that is not overloaded";
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.OnFailureHandlerInvalid, onFailureLocation, handlerName, display, why));
                return null;
            }

            var handler = candidates[0];
            var shape = ParseShape(handler, display, isFailureHandler: true, diagnostics, resultTypes, compilation, cancellationToken);
            if (shape is null)
            {
                return null;
            }

            var failureId = id + "-failure";
            return new FunctionModel(
                failureId,
                (name ?? id) + " (failure)",
                TypeNames.Display(handler.ContainingType),
                TypeNames.Escape(handler.Name),
                handler.IsStatic,
                shape.Parameters,
                shape.ReturnKind,
                shape.ResultType,
                shape.EventType?.Model.TypeName,
                true,
                ImmutableArray.Create(new FunctionTriggerModel(new EventTypeModel(KnownNames.FunctionFailedDisplay, KnownNames.FunctionFailedEventName), null, null, null, id)).ToEquatableArray(),

                // Like the official SDKs: a failure handler is retried once.
                FunctionConfigModel.Empty with { Retries = 1 });
        }

        private static string? WhyNotAccessible(IMethodSymbol method)
        {
            if (method.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
            {
                return $"the method is {AccessibilityText(method.DeclaredAccessibility)}; make it internal or public";
            }

            for (var t = method.ContainingType; t is not null; t = t.ContainingType)
            {
                if (t.DeclaredAccessibility is Accessibility.Private or Accessibility.Protected or Accessibility.ProtectedAndInternal)
                {
                    return $"its containing type '{t.Name}' is {AccessibilityText(t.DeclaredAccessibility)}; make it internal or public";
                }
            }

            if (!method.IsStatic && (method.ContainingType.IsAbstract || method.ContainingType.TypeKind is TypeKind.Interface))
            {
                return $"it is an instance method of the abstract type '{method.ContainingType.Name}', which cannot be created; make the method static or move it to a concrete class";
            }

            return null;
        }

        private static string AccessibilityText(Accessibility accessibility) => accessibility switch
        {
            Accessibility.Private => "private",
            Accessibility.Protected => "protected",
            _ => "private protected",
        };

        private static FunctionConfigModel ParseConfig(IMethodSymbol method)
        {
            var config = FunctionConfigModel.Empty;
            var concurrency = new List<ConcurrencyModel>();
            var cancel = new List<CancelModel>();
            foreach (var data in method.GetAttributes())
            {
                if (data.AttributeClass is not { } attributeClass)
                {
                    continue;
                }

                var args = data.ConstructorArguments;
                var definition = attributeClass.OriginalDefinition;
                if (!TypeNames.IsInNamespace(definition, "Inngest.Events"))
                {
                    continue;
                }

                switch ("Inngest.Events." + definition.MetadataName)
                {
                    case KnownNames.RetriesAttribute when args.Length == 1:
                        config = config with { Retries = args[0].Value as int? };
                        break;
                    case KnownNames.ConcurrencyAttribute when args.Length == 1:
                        concurrency.Add(new ConcurrencyModel(args[0].Value as int? ?? 0, Named(data, "Key"), EnumMember(data, "Scope")));
                        break;
                    case KnownNames.ThrottleAttribute when args.Length == 2:
                        config = config with { Throttle = new ThrottleModel(args[0].Value as int? ?? 0, args[1].Value as string, NamedInt(data, "Burst") ?? 0, Named(data, "Key")) };
                        break;
                    case KnownNames.RateLimitAttribute when args.Length == 2:
                        config = config with { RateLimit = new RateLimitModel(args[0].Value as int? ?? 0, args[1].Value as string, Named(data, "Key")) };
                        break;
                    case KnownNames.DebounceAttribute when args.Length == 1:
                        config = config with { Debounce = new DebounceModel(args[0].Value as string, Named(data, "Key"), Named(data, "Timeout")) };
                        break;
                    case KnownNames.BatchEventsAttribute when args.Length == 2:
                        config = config with { BatchEvents = new BatchModel(args[0].Value as int? ?? 0, args[1].Value as string, Named(data, "Key"), Named(data, "If")) };
                        break;
                    case KnownNames.PriorityAttribute when args.Length == 1:
                        config = config with { Priority = args[0].Value as string };
                        break;
                    case KnownNames.IdempotencyAttribute when args.Length == 1:
                        config = config with { Idempotency = args[0].Value as string };
                        break;
                    case KnownNames.SingletonAttribute when args.Length == 1:
                        config = config with { Singleton = new SingletonModel(EnumMember(args[0]) ?? "Skip", Named(data, "Key")) };
                        break;
                    case KnownNames.CancelOnAttribute when attributeClass.TypeArguments.Length == 1:
                        cancel.Add(new CancelModel(EventType(attributeClass.TypeArguments[0]), Named(data, "If"), Named(data, "Timeout")));
                        break;
                    case KnownNames.TimeoutsAttribute:
                        config = config with { Timeouts = new TimeoutsModel(Named(data, "Start"), Named(data, "Finish")) };
                        break;
                }
            }

            return config with { Concurrency = concurrency.ToEquatableArray(), Cancel = cancel.ToEquatableArray() };
        }

        private static EventTypeModel EventType(ITypeSymbol type)
        {
            var eventName = type.GetAttributes()
                .FirstOrDefault(static a => TypeNames.HasMetadataName(a.AttributeClass, KnownNames.EventAttribute))?
                .ConstructorArguments.FirstOrDefault().Value as string;
            return new EventTypeModel(TypeNames.Display(type), eventName);
        }

        private static string? Named(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name)
                {
                    return argument.Value.Value as string;
                }
            }

            return null;
        }

        private static int? NamedInt(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name)
                {
                    return argument.Value.Value as int?;
                }
            }

            return null;
        }

        /// <summary>The member name of a named enum argument, or null when it is not set (or is the default, zero).</summary>
        private static string? EnumMember(AttributeData attribute, string name)
        {
            foreach (var argument in attribute.NamedArguments)
            {
                if (argument.Key == name)
                {
                    var member = EnumMember(argument.Value);
                    return argument.Value.Value is 0 ? null : member;
                }
            }

            return null;
        }

        /// <summary>The member name of an enum constant; its number when no member has that value.</summary>
        private static string? EnumMember(TypedConstant constant)
        {
            if (constant.Value is null)
            {
                return null;
            }

            if (constant.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
            {
                foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
                {
                    if (field.HasConstantValue && Equals(field.ConstantValue, constant.Value))
                    {
                        return field.Name;
                    }
                }
            }

            return System.Convert.ToString(constant.Value, System.Globalization.CultureInfo.InvariantCulture);
        }

        private static string Display(IMethodSymbol method) => $"{method.ContainingType.Name}.{method.Name}";
    }
}
