using System;
using Microsoft.CodeAnalysis;

namespace Inngest.Events.CodeFixes;

/// <summary>
/// One fix as a node to replace and how to rewrite it. <see cref="Rewrite"/> gets the node as it is when the fix is
/// applied, which includes the fixes already applied inside it, so that nested fixes compose.
/// </summary>
internal readonly record struct NodeFix(SyntaxNode Target, Func<SyntaxNode, SyntaxNode> Rewrite);
