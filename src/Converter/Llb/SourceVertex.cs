using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>A SourceOp: content named by an identifier (<c>docker-image://</c>, <c>local://</c>, <c>git://</c>, URL, ...).</summary>
public sealed class SourceVertex : Vertex
{
    public SourceVertex(string identifier, ImmutableSortedDictionary<string, string> attrs, OpConstraints constraints)
        : base(constraints)
    {
        Identifier = identifier;
        Attrs = attrs;
    }

    public string Identifier { get; }

    public ImmutableSortedDictionary<string, string> Attrs { get; }

    public override IReadOnlyList<LlbOutput> Inputs => [];

    /// <summary>Only image-like sources carry a platform in their op.</summary>
    public bool IsPlatformSpecific =>
        Identifier.StartsWith("docker-image://", StringComparison.Ordinal) ||
        Identifier.StartsWith("oci-layout://", StringComparison.Ordinal);
}
