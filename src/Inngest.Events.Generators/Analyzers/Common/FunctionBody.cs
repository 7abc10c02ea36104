using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Inngest.Events.Generators.Analyzers.Common;

/// <summary>
/// The operation tree of one method body (with its lambdas and local functions), indexed on demand: which step an
/// operation runs in, and where local functions are used. Built per body; cheap until a question needs the index.
/// </summary>
internal sealed class FunctionBody
{
    private readonly InngestSymbols _symbols;
    private readonly IOperation[] _roots;
    private List<IOperation>? _operations;
    private Dictionary<IMethodSymbol, List<IOperation>>? _localFunctionUses;
    private Dictionary<IMethodSymbol, IOperation>? _functions;
    private readonly Dictionary<IMethodSymbol, StepScope?> _localFunctionSteps = new(SymbolEqualityComparer.Default);

    public FunctionBody(InngestSymbols symbols, params IOperation[] roots)
    {
        _symbols = symbols;
        _roots = roots;
    }

    /// <summary>The body that <paramref name="operation"/> belongs to.</summary>
    public static FunctionBody Of(IOperation operation, InngestSymbols symbols)
    {
        var root = operation;
        while (root.Parent is not null)
        {
            root = root.Parent;
        }

        return new FunctionBody(symbols, root);
    }

    /// <summary>Every operation of the body, in source order, once.</summary>
    public List<IOperation> Operations
    {
        get
        {
            if (_operations is null)
            {
                _operations = new List<IOperation>();
                foreach (var root in _roots)
                {
                    foreach (var operation in root.DescendantsAndSelf())
                    {
                        _operations.Add(operation);
                    }
                }
            }

            return _operations;
        }
    }

    /// <summary>
    /// The step whose delegate <paramref name="operation"/> runs in, or null when it runs in the function body itself
    /// (or in a lambda or local function that is not only used inside a step).
    /// </summary>
    public StepScope? EnclosingStep(IOperation operation) => EnclosingStep(operation, visiting: null);

    /// <summary>Whether <paramref name="variable"/> (a local or parameter) is declared outside the delegate of <paramref name="scope"/>.</summary>
    public bool IsDeclaredOutside(ISymbol variable, StepScope scope)
    {
        if (variable.ContainingSymbol is not IMethodSymbol owner
            || owner.MethodKind is not (MethodKind.AnonymousFunction or MethodKind.LocalFunction))
        {
            // Declared by the method itself (or something the analyzer does not follow, like a field initializer).
            return true;
        }

        Functions.TryGetValue(owner.OriginalDefinition, out var declaring);
        if (declaring is null)
        {
            return true;
        }

        return declaring.Syntax != scope.Delegate.Syntax && !scope.IsSameStep(EnclosingStep(declaring));
    }

    /// <summary>
    /// The method, lambda or local function that runs as the function a step belongs to: the one that declares the
    /// parameter or local the step tools are called through (<c>step</c>, <c>invocation.Steps</c>). Null when they come
    /// from somewhere else (a field), where the analyzer cannot tell.
    /// </summary>
    public static IMethodSymbol? FunctionOf(IInvocationOperation stepCall)
    {
        var receiver = stepCall.Instance;
        while (true)
        {
            switch (receiver)
            {
                case IConversionOperation conversion:
                    receiver = conversion.Operand;
                    continue;
                case IPropertyReferenceOperation { Instance: { } instance }:
                    receiver = instance;
                    continue;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.ContainingSymbol as IMethodSymbol;
                case ILocalReferenceOperation local:
                    return local.Local.ContainingSymbol as IMethodSymbol;
                default:
                    return null;
            }
        }
    }

    /// <summary>Whether <paramref name="variable"/> is declared inside <paramref name="function"/> (or is one of its parameters).</summary>
    public bool IsDeclaredWithin(ISymbol variable, IMethodSymbol function)
    {
        if (SymbolEqualityComparer.Default.Equals(variable.ContainingSymbol, function))
        {
            return true;
        }

        if (variable.Locations.Length == 0 || !variable.Locations[0].IsInSource)
        {
            return false;
        }

        SyntaxNode? declaration = null;
        if (function.MethodKind is MethodKind.AnonymousFunction or MethodKind.LocalFunction)
        {
            if (Functions.TryGetValue(function.OriginalDefinition, out var operation))
            {
                declaration = operation.Syntax;
            }
        }
        else if (function.DeclaringSyntaxReferences.Length > 0)
        {
            declaration = function.DeclaringSyntaxReferences[0].GetSyntax();
        }

        return declaration is not null
            && declaration.SyntaxTree == variable.Locations[0].SourceTree
            && declaration.Span.Contains(variable.Locations[0].SourceSpan);
    }

    private StepScope? EnclosingStep(IOperation operation, HashSet<IMethodSymbol>? visiting)
    {
        for (var current = operation.Parent; current is not null; current = current.Parent)
        {
            switch (current)
            {
                case IAnonymousFunctionOperation lambda when StepCalls.RunOfDelegate(lambda, _symbols) is { } run:
                    return new StepScope(run, lambda);

                case ILocalFunctionOperation local when LocalFunctionStep(local, visiting) is { } scope:
                    return scope;
            }
        }

        return null;
    }

    /// <summary>The step a local function runs in: the one it is the delegate of, or the one every call of it is inside.</summary>
    private StepScope? LocalFunctionStep(ILocalFunctionOperation local, HashSet<IMethodSymbol>? visiting)
    {
        var symbol = local.Symbol.OriginalDefinition;
        if (_localFunctionSteps.TryGetValue(symbol, out var known))
        {
            return known;
        }

        visiting ??= new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        if (!LocalFunctionUses.TryGetValue(symbol, out var uses) || !visiting.Add(symbol))
        {
            return null;
        }

        StepScope? found = null;
        foreach (var use in uses)
        {
            if (local.Syntax.Span.Contains(use.Syntax.Span))
            {
                continue; // recursion
            }

            StepScope? step = use is IMethodReferenceOperation && StepCalls.RunOfDelegate(use, _symbols) is { } run
                ? new StepScope(run, local)
                : EnclosingStep(use, visiting);
            if (step is null)
            {
                found = null;
                break;
            }

            found ??= step;
        }

        visiting.Remove(symbol);
        _localFunctionSteps[symbol] = found;
        return found;
    }

    private Dictionary<IMethodSymbol, List<IOperation>> LocalFunctionUses
    {
        get
        {
            if (_localFunctionUses is null)
            {
                _localFunctionUses = new Dictionary<IMethodSymbol, List<IOperation>>(SymbolEqualityComparer.Default);
                foreach (var operation in Operations)
                {
                    var target = operation switch
                    {
                        IInvocationOperation invocation => invocation.TargetMethod,
                        IMethodReferenceOperation reference => reference.Method,
                        _ => null,
                    };
                    if (target is { MethodKind: MethodKind.LocalFunction })
                    {
                        var key = target.OriginalDefinition;
                        if (!_localFunctionUses.TryGetValue(key, out var list))
                        {
                            _localFunctionUses[key] = list = new List<IOperation>();
                        }

                        list.Add(operation);
                    }
                }
            }

            return _localFunctionUses;
        }
    }

    private Dictionary<IMethodSymbol, IOperation> Functions
    {
        get
        {
            if (_functions is null)
            {
                _functions = new Dictionary<IMethodSymbol, IOperation>(SymbolEqualityComparer.Default);
                foreach (var operation in Operations)
                {
                    var symbol = operation switch
                    {
                        IAnonymousFunctionOperation lambda => lambda.Symbol,
                        ILocalFunctionOperation local => local.Symbol,
                        _ => null,
                    };
                    if (symbol is not null)
                    {
                        _functions[symbol.OriginalDefinition] = operation;
                    }
                }
            }

            return _functions;
        }
    }
}
