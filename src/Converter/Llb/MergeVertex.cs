using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>A MergeOp: the layers of its inputs stacked in order.</summary>
public sealed class MergeVertex : Vertex
{
    public MergeVertex(ImmutableArray<LlbOutput> inputs, OpConstraints constraints)
        : base(constraints.WithCap(CapId.MergeOp)) => MergeInputs = inputs;

    public ImmutableArray<LlbOutput> MergeInputs { get; }

    public override IReadOnlyList<LlbOutput> Inputs => MergeInputs;
}

/// <summary>A DiffOp: what <see cref="Upper"/> changes relative to <see cref="Lower"/> (either may be scratch).</summary>
public sealed class DiffVertex : Vertex
{
    public DiffVertex(LlbOutput? lower, LlbOutput? upper, OpConstraints constraints)
        : base(constraints.WithCap(CapId.DiffOp))
    {
        Lower = lower;
        Upper = upper;
    }

    public LlbOutput? Lower { get; }

    public LlbOutput? Upper { get; }

    public override IReadOnlyList<LlbOutput> Inputs => new[] { Lower, Upper }.OfType<LlbOutput>().ToArray();
}
