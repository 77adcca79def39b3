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

        var stages = StagesOf(unique);

        // A source (the build context, say) that ops of several stages use is drawn once inside each of those stages,
        // so that its edges do not cross the whole graph.
        var consumers = unique.SelectMany(op => op.Op.Inputs.Select(input => (Input: input.Digest, Stage: stages[op.Digest])))
            .GroupBy(pair => pair.Input, pair => pair.Stage, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Distinct(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var shared = unique.Where(op => op.Op.Inputs.Count == 0 && stages[op.Digest] == StageName.Internal
                && consumers.TryGetValue(op.Digest, out var users) && users.Count(u => u != StageName.Internal) >= 2)
            .ToDictionary(op => op.Digest, op => op, StringComparer.Ordinal);

        var dot = new StringBuilder("digraph llb {\n");
        dot.Append("  node [fontsize=10];\n  edge [fontsize=9];\n");
        var clusters = unique.Where(op => !shared.ContainsKey(op.Digest)).GroupBy(op => stages[op.Digest], StringComparer.Ordinal).Select(g => g.Key)
            .Concat(shared.Keys.SelectMany(d => consumers[d])).Distinct(StringComparer.Ordinal).ToList();
        for (var i = 0; i < clusters.Count; i++)
        {
            dot.Append($"  subgraph cluster_{i} {{\n    label={DotText.Quote(clusters[i])};\n");
            foreach (var op in unique.Where(op => !shared.ContainsKey(op.Digest) && stages[op.Digest] == clusters[i]))
            {
                AppendNode(dot, ids[op.Digest], op);
            }

            foreach (var op in shared.Values.Where(op => consumers[op.Digest].Contains(clusters[i])))
            {
                AppendNode(dot, ids[op.Digest] + "@" + i, op);
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
                var input = op.Op.Inputs[i].Digest;
                var from = shared.ContainsKey(input) ? ids[input] + "@" + clusters.IndexOf(stages[op.Digest]) : ids[input];
                var role = InputRoles.Of(op.Op, i);
                dot.Append($"  {DotText.Quote(from)} -> {DotText.Quote(ids[op.Digest])}");
                dot.Append(role.Length > 0 ? $" [label={DotText.Quote(DotText.Shorten(role))}];\n" : ";\n");
            }
        }

        return dot.Append("}\n").ToString();
    }

    private static void AppendNode(StringBuilder dot, string id, DumpedOp op)
    {
        var label = DotText.Shorten(op.CustomName ?? OpSummary.Describe(op.Op));
        dot.Append($"    {DotText.Quote(id)} [label={DotText.Quote(label)} shape={OpSummary.Shape(op.Op)} tooltip={DotText.Quote(op.Digest)}];\n");
    }

    /// <summary>
    /// Each op's stage: from its custom name; an op without one that has inputs (the merge and the layer of a
    /// <c>COPY --link</c>) belongs to the stage of its first input that has one (definition order puts inputs first).
    /// </summary>
    private static Dictionary<string, string> StagesOf(List<DumpedOp> ops)
    {
        var stages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var op in ops)
        {
            var stage = StageName.Of(op.CustomName);
            if (stage == StageName.Internal && op.CustomName is null)
            {
                stage = op.Op.Inputs.Select(input => stages.GetValueOrDefault(input.Digest, StageName.Internal))
                    .FirstOrDefault(s => s != StageName.Internal) ?? StageName.Internal;
            }

            stages[op.Digest] = stage;
        }

        return stages;
    }
}
