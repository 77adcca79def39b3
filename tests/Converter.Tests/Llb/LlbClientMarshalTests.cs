using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;

namespace CSharpFrontend.Converter.Tests.Llb;

/// <summary>
/// What BuildKit v0.24.0's LLB client (client/llb) does with graphs the Dockerfile frontend never builds, read from
/// its source: state.go <c>Marshal</c> (the terminal op's caps come from every op's metadata) and <c>mergeMetadata</c>
/// (one op reached through two vertices: ignore-cache if either, descriptions added with the later value winning,
/// the later export-cache and progress group, caps together), diff.go (no platform, <c>-1</c> for a scratch side, the
/// inputs in lower-upper order), marshal.go (worker constraints as the op's filter) and exec.go's checks and their texts.
/// </summary>
public sealed class LlbClientMarshalTests
{
    private static LlbState Image(string reference, OpConstraints constraints) =>
        Sources.Image(reference, new ImageOptions { Constraints = constraints });

    private static Pb.OpMetadata TerminalMetadata(MarshalResult result) => result.Definition.Metadata[result.Ops[^1].Digest.Value];

    [Fact]
    public void OneOpReachedTwiceHasItsMetadataMerged()
    {
        var first = Image("alpine", OpConstraints.None.WithCustomName("first").WithDescription("only.first", "1") with { IgnoreCache = true });
        var second = Image("alpine", OpConstraints.None.WithCustomName("second").WithDescription("only.second", "2").WithCap("x.second") with
        {
            IgnoreCache = true,
            ExportCache = true,
            ProgressGroup = new ProgressGroupSpec("g1", "group", Weak: true),
        });

        var result = LlbMarshaller.Marshal(Sources.Merge([first, second]));

        Assert.Equal([Pb.Op.OpOneofCase.Source, Pb.Op.OpOneofCase.Merge, Pb.Op.OpOneofCase.None], result.Ops.Select(o => o.Op.OpCase));
        var merge = result.Ops[1].Op;
        Assert.Equal([result.Ops[0].Digest.Value, result.Ops[0].Digest.Value], merge.Inputs.Select(i => i.Digest));
        var image = result.Definition.Metadata[result.Ops[0].Digest.Value];
        Assert.True(image.IgnoreCache);
        Assert.Equal(
            new Dictionary<string, string> { ["llb.customname"] = "second", ["only.first"] = "1", ["only.second"] = "2" },
            image.Description);
        Assert.True(image.ExportCache.Value);
        Assert.Equal(("g1", "group", true), (image.ProgressGroup.Id, image.ProgressGroup.Name, image.ProgressGroup.Weak));
        Assert.Equal(["source.image", "x.second"], image.Caps.Keys.Order(StringComparer.Ordinal));
        Assert.True(image.Caps["x.second"]);
        Assert.Equal(
            ["constraints", "meta.description", "meta.exportcache", "meta.ignorecache", "platform"],
            TerminalMetadata(result).Caps.Keys.Order(StringComparer.Ordinal));
        Assert.All(TerminalMetadata(result).Caps.Values, Assert.True);
    }

    [Fact]
    public void WithoutDescriptionsOrCacheSettingsTheTerminalOpHasTheTwoBaseCaps()
    {
        var result = LlbMarshaller.Marshal(Sources.Image("alpine"));
        Assert.Equal(["constraints", "platform"], TerminalMetadata(result).Caps.Keys.Order(StringComparer.Ordinal));
        Assert.All(TerminalMetadata(result).Caps.Values, Assert.True);
    }

    [Fact]
    public void ADiffOpHasNoPlatformAndScratchSidesAreMinusOne()
    {
        var alpine = Sources.Image("alpine");
        var busybox = Sources.Image("busybox");

        var both = LlbMarshaller.Marshal(Sources.Diff(alpine, busybox));
        var diff = both.Ops[^2].Op;
        Assert.Null(diff.Platform);
        Assert.Equal(
            [both.Ops[0].Digest.Value, both.Ops[1].Digest.Value],
            diff.Inputs.Select(i => i.Digest));
        Assert.Equal((0L, 1L), (diff.Diff.Lower.Input, diff.Diff.Upper.Input));

        var upperOnly = LlbMarshaller.Marshal(Sources.Diff(LlbState.Scratch, busybox)).Ops[^2].Op;
        Assert.Equal((-1L, 0L), (upperOnly.Diff.Lower.Input, upperOnly.Diff.Upper.Input));
        Assert.Single(upperOnly.Inputs);

        var lowerOnly = LlbMarshaller.Marshal(Sources.Diff(alpine, LlbState.Scratch)).Ops[^2].Op;
        Assert.Equal((0L, -1L), (lowerOnly.Diff.Lower.Input, lowerOnly.Diff.Upper.Input));
        Assert.Single(lowerOnly.Inputs);
    }

    [Fact]
    public void WorkerConstraintsAreTheOpsFilter()
    {
        var state = Image("alpine", OpConstraints.None with { WorkerConstraints = ["label==a", "label!=b"] });
        var source = LlbMarshaller.Marshal(state).Ops[0].Op;
        Assert.Equal(["label==a", "label!=b"], source.Constraints.Filter);
    }

    [Fact]
    public void AnExecNeedsArgumentsAWorkingDirectoryAndAScratchTmpfs()
    {
        var alpine = Sources.Image("alpine");
        Assert.Equal(
            "arguments are required",
            Assert.Throws<LlbMarshalException>(() => LlbMarshaller.Marshal(alpine.Run(new RunOptions()).Root)).Message);
        Assert.Equal(
            "working directory is required",
            Assert.Throws<LlbMarshalException>(() => LlbMarshaller.Marshal((alpine with { Dir = "" }).Run(new RunOptions { Args = ["true"] }).Root)).Message);
        Assert.Equal(
            "tmpfs mounts must use scratch",
            Assert.Throws<LlbMarshalException>(() => LlbMarshaller.Marshal(alpine.Run(new RunOptions
            {
                Args = ["true"],
                Mounts = [new MountSpec("/t", alpine) { Tmpfs = true }],
            }).Root)).Message);
    }
}
