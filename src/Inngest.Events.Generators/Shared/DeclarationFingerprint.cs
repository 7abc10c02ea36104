using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Shared;

/// <summary>
/// Everything outside a member body that can change what binding a declaration or a method body yields in one
/// compilation: its syntax trees' declarations (types, members, signatures, attributes, constants, usings,
/// directives, and whether a file has top-level statements; not method bodies, non-constant initializers, the
/// statements themselves or comments), its assembly name and options, its metadata references and the assemblies
/// Roslyn bound them to. Two compilations that <see cref="Matches"/> bind every syntax node they share the same way,
/// which lets <see cref="SyntaxMemo{T}"/> reuse what a semantic transform found.
/// </summary>
/// <remarks>
/// Nothing is computed when a fingerprint is made, so a cold run (where nothing can be reused) pays nothing for it.
/// Comparing two fingerprints compares their trees by identity and hashes only the trees that differ (an edit: the
/// old and the new version of the edited file); each tree's hash is kept with the tree. Referenced assemblies are
/// compared by the symbols Roslyn bound them to, so a reference object that stands for other content in a new
/// compilation (a host re-reading a file) does not match, and neither does a rebuilt reference.
/// </remarks>
internal sealed class DeclarationFingerprint
{
    private static readonly ConditionalWeakTable<Compilation, DeclarationFingerprint> ByCompilation = new();
    private static readonly ConditionalWeakTable<SyntaxTree, TreeShapeBox> Shapes = new();

    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly string? _assemblyName;
    private readonly CompilationOptions _options;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly ImmutableArray<IAssemblySymbol> _assemblies;

    // The last fingerprint this one was compared with, and the answer (comparisons come in runs of one pair).
    private volatile Comparison? _last;

    private DeclarationFingerprint(Compilation compilation)
    {
        _trees = ImmutableArray.CreateRange(compilation.SyntaxTrees);
        _assemblyName = compilation.AssemblyName;
        _options = compilation.Options;
        _references = ImmutableArray.CreateRange(compilation.References);
        _assemblies = compilation.SourceModule.ReferencedAssemblySymbols;
    }

    /// <summary>The fingerprint of <paramref name="compilation"/> (one per compilation; it computes nothing yet).</summary>
    public static DeclarationFingerprint For(Compilation compilation) => ByCompilation.GetValue(compilation, static c => new DeclarationFingerprint(c));

    /// <summary>Whether every syntax node present in both compilations binds the same way in both.</summary>
    public bool Matches(DeclarationFingerprint other, CancellationToken cancellationToken)
    {
        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (_last is { } last && ReferenceEquals(last.Other, other))
        {
            return last.Result;
        }

        var result = Compare(other, cancellationToken);
        _last = new Comparison(other, result);
        return result;
    }

    private bool Compare(DeclarationFingerprint other, CancellationToken cancellationToken)
    {
        if (_assemblyName != other._assemblyName || !_options.Equals(other._options)
            || _trees.Length != other._trees.Length || _references.Length != other._references.Length
            || _assemblies.Length != other._assemblies.Length)
        {
            return false;
        }

        // A reference the host kept is the same object; a rebuilt or replaced one is not. And the same object must
        // have been bound to the same assembly symbol, i.e. Roslyn read the same metadata for both compilations.
        for (var i = 0; i < _references.Length; i++)
        {
            if (!ReferenceEquals(_references[i], other._references[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < _assemblies.Length; i++)
        {
            if (!ReferenceEquals(_assemblies[i], other._assemblies[i]))
            {
                return false;
            }
        }

        for (var i = 0; i < _trees.Length; i++)
        {
            var mine = _trees[i];
            var theirs = other._trees[i];
            if (!ReferenceEquals(mine, theirs) && !ShapeOf(mine, cancellationToken).Equals(ShapeOf(theirs, cancellationToken)))
            {
                return false;
            }
        }

        return true;
    }

    private static TreeShape ShapeOf(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (Shapes.TryGetValue(tree, out var known))
        {
            return known.Shape;
        }

        var shape = TreeShape.Of((CompilationUnitSyntax)tree.GetRoot(cancellationToken), cancellationToken);
        return Shapes.GetValue(tree, _ => new TreeShapeBox(shape)).Shape;
    }

    private sealed class Comparison
    {
        public Comparison(DeclarationFingerprint other, bool result)
        {
            Other = other;
            Result = result;
        }

        public DeclarationFingerprint Other { get; }

        public bool Result { get; }
    }

    private sealed class TreeShapeBox
    {
        public TreeShapeBox(TreeShape shape) => Shape = shape;

        public TreeShape Shape { get; }
    }

    /// <summary>A 128-bit hash of one tree's declarations (the parts described on <see cref="DeclarationFingerprint"/>).</summary>
    internal readonly struct TreeShape : IEquatable<TreeShape>
    {
        private readonly ulong _a;
        private readonly ulong _b;

        private TreeShape(ulong a, ulong b)
        {
            _a = a;
            _b = b;
        }

        public static TreeShape Of(CompilationUnitSyntax root, CancellationToken cancellationToken)
        {
            var hasher = Hasher.Create();
            var count = 0;
            foreach (var item in root.DescendantNodesAndTokens(static node => !IsBody(node)))
            {
                if ((++count & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                if (item.IsToken)
                {
                    // The token's text, not its value: 1 and 1L have one value text and may pick other overloads.
                    var token = item.AsToken();
                    hasher.Add(token.RawKind);
                    hasher.Add(token.Text);
                }
                else if (item.AsNode() is { } node && IsBody(node))
                {
                    // A body's content is left out, but not that it is there: a file's first top-level statement
                    // declares the Program class.
                    hasher.Add(node.RawKind);
                }
            }

            // Directives anywhere in the file (#nullable, #if, #define) change how the declarations after them read.
            for (var directive = root.GetFirstDirective(); directive is not null; directive = directive.GetNextDirective())
            {
                hasher.Add(directive.RawKind);
                hasher.Add(directive.ToString());
            }

            return new TreeShape(hasher.A, hasher.B);
        }

        public bool Equals(TreeShape other) => _a == other._a && _b == other._b;

        public override bool Equals(object? obj) => obj is TreeShape other && Equals(other);

        public override int GetHashCode() => unchecked((int)_a ^ (int)(_a >> 32));

        /// <summary>Syntax whose content cannot change any declaration's meaning: bodies and non-constant initializers.</summary>
        private static bool IsBody(SyntaxNode node) => node switch
        {
            BlockSyntax or ArrowExpressionClauseSyntax => node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
                or BasePropertyDeclarationSyntax or LocalFunctionStatementSyntax,
            EqualsValueClauseSyntax => node.Parent is PropertyDeclarationSyntax
                || (node.Parent is VariableDeclaratorSyntax { Parent.Parent: BaseFieldDeclarationSyntax field } && !field.Modifiers.Any(SyntaxKind.ConstKeyword)),
            GlobalStatementSyntax => true,
            _ => false,
        };
    }

    /// <summary>Two independent 64-bit FNV-1a style hashes.</summary>
    private struct Hasher
    {
        public ulong A;
        public ulong B;

        public static Hasher Create() => new() { A = 14695981039346656037UL, B = 0x84222325CBF29CE4UL };

        public void Add(int value)
        {
            Mix((char)(value & 0xFFFF));
            Mix((char)(value >> 16));
        }

        public void Add(string text)
        {
            foreach (var c in text)
            {
                Mix(c);
            }

            Mix('\u0001');
        }

        private void Mix(char c)
        {
            A = unchecked((A ^ c) * 1099511628211UL);
            B = unchecked(((B ^ c) * 0x100000001B3UL) + (B >> 29) + 0x9E3779B97F4A7C15UL);
        }
    }
}
