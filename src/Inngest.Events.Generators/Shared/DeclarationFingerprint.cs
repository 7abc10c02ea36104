using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Inngest.Events.Generators.Shared;

/// <summary>
/// Everything outside a member body that can change what binding a declaration or a method body yields: every
/// syntax tree's declarations (types, members, signatures, attributes, constants, usings and directives, but not
/// method bodies, non-constant initializers, top-level statements or comments), the assembly name, the compilation
/// options and the metadata references. Equal fingerprints in two compilations mean that a syntax node present in
/// both binds the same way in both, which lets <see cref="SyntaxMemo{T}"/> reuse what a semantic transform found.
/// </summary>
internal sealed class DeclarationFingerprint : IEquatable<DeclarationFingerprint>
{
    private readonly ImmutableArray<TreeShape> _trees;
    private readonly string? _assemblyName;
    private readonly CompilationOptions _options;
    private readonly ImmutableArray<MetadataReference> _references;

    private DeclarationFingerprint(ImmutableArray<TreeShape> trees, string? assemblyName, CompilationOptions options, ImmutableArray<MetadataReference> references)
    {
        _trees = trees;
        _assemblyName = assemblyName;
        _options = options;
        _references = references;
    }

    /// <summary>
    /// The fingerprint of the current compilation. Each tree's shape is computed once per tree (Roslyn reuses it for
    /// unchanged trees), so an edit costs the hashing of the edited file's declarations.
    /// </summary>
    public static IncrementalValueProvider<DeclarationFingerprint> Create(IncrementalGeneratorInitializationContext context)
    {
        var trees = context.SyntaxProvider
            .CreateSyntaxProvider(static (node, _) => node is CompilationUnitSyntax, static (ctx, _) => (CompilationUnitSyntax)ctx.Node)
            .Select(static (root, cancellationToken) => TreeShape.Of(root, cancellationToken))
            .Collect();
        var identity = context.CompilationProvider
            .Select(static (compilation, _) => (compilation.AssemblyName, compilation.Options, References: compilation.References.ToImmutableArray()));
        return trees.Combine(identity).Select(static (pair, _) => new DeclarationFingerprint(pair.Left, pair.Right.AssemblyName, pair.Right.Options, pair.Right.References));
    }

    public bool Equals(DeclarationFingerprint? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (_assemblyName != other._assemblyName || !_options.Equals(other._options)
            || _trees.Length != other._trees.Length || _references.Length != other._references.Length)
        {
            return false;
        }

        for (var i = 0; i < _trees.Length; i++)
        {
            if (!_trees[i].Equals(other._trees[i]))
            {
                return false;
            }
        }

        // A reference the host kept is the same object; a rebuilt or replaced one is not.
        for (var i = 0; i < _references.Length; i++)
        {
            if (!ReferenceEquals(_references[i], other._references[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => Equals(obj as DeclarationFingerprint);

    public override int GetHashCode()
    {
        var hash = _trees.Length;
        foreach (var tree in _trees)
        {
            hash = unchecked((hash * 31) + tree.GetHashCode());
        }

        return hash;
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
            foreach (var token in root.DescendantTokens(static node => !IsBody(node)))
            {
                if ((++count & 1023) == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                hasher.Add(token.RawKind);
                hasher.Add(token.ValueText);
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
