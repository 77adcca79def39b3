namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// One op of a graph before marshalling. Vertices are immutable and compared by reference: the same vertex
/// reached twice is marshalled once, and two equal vertices give the same digest and are deduplicated then.
/// </summary>
public abstract class Vertex
{
    private protected Vertex(OpConstraints constraints) => Constraints = constraints;

    public OpConstraints Constraints { get; }

    /// <summary>The outputs of other vertices this one reads, in the order they become op inputs.</summary>
    public abstract IReadOnlyList<LlbOutput> Inputs { get; }

    /// <summary>
    /// <see cref="Inputs"/> in the order BuildKit's LLB client walks them when it lists a definition's ops (its
    /// <c>Vertex.Inputs()</c>, which for a FileOp differs from the op's input order); it decides the op order only.
    /// </summary>
    public virtual IReadOnlyList<LlbOutput> WalkOrder => Inputs;
}

/// <summary>One output of a vertex: <paramref name="Slot"/> names which (an ExecOp's mount, else 0).</summary>
public sealed record LlbOutput(Vertex Vertex, int Slot = 0)
{
    /// <summary>The platform the output carries to states built on it, when its op fixes one.</summary>
    public LlbPlatform? Platform => Vertex switch
    {
        SourceVertex s => s.Constraints.Platform,
        ExecVertex e => e.Constraints.Platform,
        _ => null,
    };

    public bool Equals(LlbOutput? other) =>
        other is not null && ReferenceEquals(Vertex, other.Vertex) && Slot == other.Slot;

    public override int GetHashCode() => HashCode.Combine(System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(Vertex), Slot);
}
