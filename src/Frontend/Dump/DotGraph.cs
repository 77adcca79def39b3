using System.Text;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>
/// A definition as a Graphviz digraph: one node per op (its custom name, or a summary of what it does),
/// edges from each input to the op that uses it (labelled with the input's role), and the ops of
/// each build stage in a cluster of their own.
/// </summary>
public static class DotGraph
{
    /// <summary>Most lines of a node or edge label; longer text ends in a line saying how many were left out.</summary>
    public const int MaxLabelLines = DotText.MaxLines;

    /// <summary>Longest line of a label, in characters; longer lines end in an ellipsis.</summary>
    public const int MaxLabelLineLength = DotText.MaxLineLength;

    /// <summary>The graph in DOT syntax, ending in a newline.</summary>
    public static string Render(IReadOnlyList<DumpedOp> ops)
    {
        var unique = ops.DistinctBy(op => op.Digest, StringComparer.Ordinal).ToList();
        var known = unique.Select(op => op.Digest).ToHashSet(StringComparer.Ordinal);
        var missing = unique.SelectMany(op => op.Op.Inputs.Select(input => input.Digest))
            .Where(digest => !known.Contains(digest)).Distinct(StringComparer.Ordinal).ToList();
        var ids = NodeIds.For(known.Concat(missing));

        var dot = new StringBuilder("digraph llb {\n");
        dot.Append("  node [fontsize=10];\n  edge [fontsize=9];\n");
        var clusters = unique.GroupBy(op => StageName.Of(op.CustomName), StringComparer.Ordinal).ToList();
        for (var i = 0; i < clusters.Count; i++)
        {
            dot.Append($"  subgraph cluster_{i} {{\n    label={DotText.Quote(clusters[i].Key)};\n");
            foreach (var op in clusters[i])
            {
                var label = DotText.Shorten(op.CustomName ?? OpSummary.Describe(op.Op));
                dot.Append($"    {DotText.Quote(ids[op.Digest])} [label={DotText.Quote(label)} shape={OpSummary.Shape(op.Op)} tooltip={DotText.Quote(op.Digest)}];\n");
            }

            dot.Append("  }\n");
        }

        foreach (var digest in missing)
        {
            dot.Append($"  {DotText.Quote(ids[digest])} [label={DotText.Quote("not in definition\n" + digest)} shape=plaintext style=dashed];\n");
        }

        foreach (var op in unique)
        {
            for (var i = 0; i < op.Op.Inputs.Count; i++)
            {
                var role = InputRoles.Of(op.Op, i);
                dot.Append($"  {DotText.Quote(ids[op.Op.Inputs[i].Digest])} -> {DotText.Quote(ids[op.Digest])}");
                dot.Append(role.Length > 0 ? $" [label={DotText.Quote(DotText.Shorten(role))}];\n" : ";\n");
            }
        }

        return dot.Append("}\n").ToString();
    }
}
