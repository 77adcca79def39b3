using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;

namespace CSharpFrontend.Converter.Tests.Llb;

/// <summary>
/// <c>Definition.source</c> with locations, as BuildKit v0.24.0's client/llb sourcemap.go writes it: source files in
/// order of first use (<c>SourceInfo</c> with filename, data, language), each op's locations with the index of their
/// file and their ranges as given; state.go's <c>marshal</c> visits a vertex once, so a vertex reached twice adds its
/// locations once. (<c>dockerfile2llb</c> converts without a source map, so the corpora have no ranges to compare.)
/// </summary>
public sealed class SourceMapMarshalTests
{
    private static readonly SourceMapSpec Dockerfile = new("Dockerfile", "FROM alpine\nRUN make\n"u8.ToArray(), "Dockerfile");
    private static readonly SourceMapSpec Other = new("other.Dockerfile", "FROM busybox\n"u8.ToArray());

    private static LlbState Located(string image, SourceMapSpec map, LlbRange range) =>
        Sources.Image(image, new ImageOptions { Constraints = OpConstraints.None.WithLocation(new SourceLocation(map, [range])) });

    [Fact]
    public void LocationsCarryTheirFilesIndexAndRanges()
    {
        var alpine = Located("alpine", Dockerfile, new LlbRange(1, 2, 3, 4));
        var busybox = Located("busybox", Other, new LlbRange(5, 6, 7, 8));
        var result = LlbMarshaller.Marshal(Sources.Merge([alpine, busybox]));

        var source = result.Definition.Source;
        Assert.Equal(
            [("Dockerfile", "FROM alpine\nRUN make\n", "Dockerfile"), ("other.Dockerfile", "FROM busybox\n", "")],
            source.Infos.Select(i => (i.Filename, i.Data.ToStringUtf8(), i.Language)));
        var first = Assert.Single(source.Locations[result.Ops[0].Digest.Value].Locations_);
        Assert.Equal(0, first.SourceIndex);
        var range = Assert.Single(first.Ranges);
        Assert.Equal((1, 2, 3, 4), (range.Start.Line, range.Start.Character, range.End.Line, range.End.Character));
        var second = Assert.Single(source.Locations[result.Ops[1].Digest.Value].Locations_);
        Assert.Equal(1, second.SourceIndex);
        range = Assert.Single(second.Ranges);
        Assert.Equal((5, 6, 7, 8), (range.Start.Line, range.Start.Character, range.End.Line, range.End.Character));
        Assert.Empty(source.Locations[result.Ops[2].Digest.Value].Locations_);
    }

    [Fact]
    public void AVertexReachedTwiceAddsItsLocationsOnce()
    {
        var alpine = Located("alpine", Dockerfile, new LlbRange(1, 0, 1, 0));
        var result = LlbMarshaller.Marshal(Sources.Merge([alpine, alpine]));
        Assert.Single(result.Definition.Source.Locations[result.Ops[0].Digest.Value].Locations_);
        Assert.Equal(3, result.Ops.Length);
    }

    /// <summary>Ours: a result equals a copy of itself (same ops, same definition) and nothing else.</summary>
    [Fact]
    public void AResultEqualsItsCopyOnly()
    {
        var result = LlbMarshaller.Marshal(Sources.Image("alpine"));
        var other = LlbMarshaller.Marshal(Sources.Image("busybox"));
        Assert.True(result.Equals(result with { }));
        Assert.False(result.Equals(null));
        Assert.False(result.Equals(result with { Definition = other.Definition }));
        Assert.False(result.Equals(other));
    }
}
