using System.Runtime.CompilerServices;
using System.Text;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Parser;

/// <summary>Renders the node-level AST in BuildKit's <c>Node.Dump()</c> format (the conformance <c>ast.txt</c> format).</summary>
public static class AstDump
{
    /// <summary>One line per instruction, each terminated by <c>\n</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static string Render(SyntaxTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var sb = new StringBuilder();
        foreach (var node in tree.Nodes)
        {
            sb.Append('(');
            AppendNode(sb, node);
            sb.Append(")\n");
        }

        return sb.ToString();
    }

    /// <summary>The s-expression of one instruction, without the surrounding parentheses.</summary>
    public static string RenderNode(SyntaxNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        var sb = new StringBuilder();
        AppendNode(sb, node);
        return sb.ToString();
    }

    private static void AppendNode(StringBuilder sb, SyntaxNode node)
    {
        int depth = 0;
        for (SyntaxNode? n = node; n is not null; n = n.Child)
        {
            if (depth > 0)
            {
                sb.Append(" (");
            }

            // BuildKit trims the dump: an empty keyword leaves no leading blank.
            bool empty = n.Keyword.Length == 0 && depth == 0;
            int mark = sb.Length;
            sb.Append(n.Keyword.ToLowerInvariant());
            if (n.Flags.Length > 0)
            {
                sb.Append(" [");
                for (int i = 0; i < n.Flags.Length; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(' ');
                    }

                    GoQuoting.AppendQuoted(sb, n.Flags[i]);
                }

                sb.Append(']');
            }

            foreach (var arg in n.Args)
            {
                sb.Append(' ');
                GoQuoting.AppendQuoted(sb, arg);
            }

            if (empty && sb.Length > mark && sb[mark] == ' ')
            {
                sb.Remove(mark, 1);
            }

            depth++;
        }

        sb.Append(')', depth - 1);
    }
}
