using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;

namespace CSharpFrontend.Converter.Tests.Llb;

/// <summary>
/// A received definition used as a state (upstream <c>llb.NewDefinitionOp</c>, client/llb/definition.go): its ops
/// are written back with their own bytes, digests and metadata, the state's output is the terminal op's input.
/// </summary>
public sealed class DefinitionStatesTests
{
    private static readonly SourceMapSpec Dockerfile = new("Dockerfile", "FROM alpine\nRUN make\n"u8.ToArray())
    {
        Definition = Sources.Local("dockerfile", new LocalOptions { SessionId = "s" }),
    };

    /// <summary>An image, a RUN with a cache mount and a location, as a frontend would send it.</summary>
    private static LlbState Built()
    {
        var image = Sources.Image("docker.io/library/alpine:latest", new ImageOptions
        {
            Constraints = OpConstraints.None.WithCustomName("[base] alpine") with { Platform = LlbPlatform.Parse("linux/arm64") },
        });
        var run = image.Run(new RunOptions
        {
            Args = ["/bin/sh", "-c", "make"],
            Mounts = [new MountSpec("/out", LlbState.Scratch)],
            Constraints = OpConstraints.None.WithCustomName("RUN make").WithLocation(new SourceLocation(Dockerfile, [new LlbRange(2, 0, 2, 0)])) with { IgnoreCache = true },
        });
        return run.Root;
    }

    private static string DigestOf(ReadOnlySpan<byte> bytes) => Digest.Of(bytes).Value;

    [Fact]
    public void ADefinitionMarshalledAgainIsTheSameDefinition()
    {
        var original = LlbMarshaller.Marshal(Built());

        var again = LlbMarshaller.Marshal(DefinitionStates.FromDefinition(original.Definition));

        // Same ops (the terminal op is rebuilt from the same input), same metadata, source info re-collected.
        Assert.Equal(original.ToBytes(), again.ToBytes());
        Assert.Equal(original.Head, again.Head);
    }

    [Fact]
    public void ReceivedOpsAreWrittenVerbatimBeforeTheOpsThatUseThem()
    {
        var original = LlbMarshaller.Marshal(Built());
        var received = DefinitionStates.FromDefinition(original.Definition);

        var copy = LlbState.Scratch.File(new CopyAction(received, "/bin", "/"));
        var result = LlbMarshaller.Marshal(copy);

        var originalOps = original.Definition.Def.Take(original.Definition.Def.Count - 1).ToArray();
        Assert.Equal(originalOps, result.Definition.Def.Take(originalOps.Length));
        foreach (var bytes in originalOps)
        {
            var digest = DigestOf(bytes.Span);
            Assert.Equal(original.Definition.Metadata[digest], result.Definition.Metadata[digest]);
        }

        var fileOp = Pb.Op.Parser.ParseFrom(result.Definition.Def[originalOps.Length]);
        Assert.Equal(original.Head!.Value.Value, fileOp.Inputs.Single().Digest);
        // Every op has a location entry, the new one an empty one (BuildKit's LLB client adds one per marshalled op).
        var fileOpDigest = DigestOf(result.Definition.Def[originalOps.Length].Span);
        Assert.Equal(original.Definition.Source.Locations.Keys.Append(fileOpDigest).Order(), result.Definition.Source.Locations.Keys.Order());
        Assert.Empty(result.Definition.Source.Locations[fileOpDigest].Locations_);
    }

    [Fact]
    public void TheOutputIndexOfTheTerminalInputIsKept()
    {
        var image = Sources.Image("docker.io/library/alpine:latest");
        var run = image.Run(new RunOptions { Args = ["true"], Mounts = [new MountSpec("/out", LlbState.Scratch)] });
        var original = LlbMarshaller.Marshal(run.Mount("/out"));
        Assert.Equal(1, Pb.Op.Parser.ParseFrom(original.Definition.Def[^1]).Inputs[0].Index);

        var copy = LlbState.Scratch.File(new CopyAction(DefinitionStates.FromDefinition(original.Definition), "/x", "/"));
        var fileOp = Pb.Op.Parser.ParseFrom(LlbMarshaller.Marshal(copy).Definition.Def[^2]);

        Assert.Equal(1, fileOp.Inputs.Single().Index);
    }

    [Fact]
    public void TheStateTakesNoPlatformFromTheDefinition()
    {
        // llb.NewState(defop): a DefinitionOp has no Platform(), so ops built on it use the marshal default.
        var original = LlbMarshaller.Marshal(Sources.Image("docker.io/library/alpine:latest", new ImageOptions
        {
            Constraints = OpConstraints.None with { Platform = LlbPlatform.Parse("linux/arm64") },
        }));
        var received = DefinitionStates.FromDefinition(original.Definition);
        Assert.Null(received.Platform);
        Assert.Equal("/", received.Dir);

        var run = received.Run(new RunOptions { Args = ["true"] }).Root;
        var exec = Pb.Op.Parser.ParseFrom(LlbMarshaller.Marshal(run).Definition.Def[^2]);

        Assert.Equal("amd64", exec.Platform.Architecture);
    }

    [Fact]
    public void ReceivedCapsAreMergedAsUpstreamDoes()
    {
        var original = LlbMarshaller.Marshal(Sources.Image("docker.io/library/alpine:latest")).Definition;
        var head = original.Metadata.Keys.Single(k => k != DigestOf(original.Def[^1].Span));
        original.Metadata[head].Caps["source.image"] = false;

        var again = LlbMarshaller.Marshal(DefinitionStates.FromDefinition(original)).Definition;

        Assert.True(again.Metadata[head].Caps["source.image"]);
    }

    [Fact]
    public void AnOpWithoutMetadataFailsAsUpstreamsValidate()
    {
        var original = LlbMarshaller.Marshal(Sources.Image("docker.io/library/alpine:latest")).Definition;
        var head = DigestOf(original.Def[0].Span);
        original.Metadata.Remove(head);

        var error = Assert.Throws<InvalidOperationException>(() => LlbMarshaller.Marshal(DefinitionStates.FromDefinition(original)));

        Assert.Equal($"invalid definition op with unknown metas \"{head}\"", error.Message);
    }

    [Fact]
    public void AnEmptyDefinitionCannotBeMarshalled()
    {
        var state = DefinitionStates.FromDefinition(new Pb.Definition());

        var error = Assert.Throws<InvalidOperationException>(() => LlbMarshaller.Marshal(state));

        Assert.Equal("cannot marshal empty definition op", error.Message);
    }

    [Fact]
    public void ALocationNamingAMissingSourceMapIsRejected()
    {
        var original = LlbMarshaller.Marshal(Built()).Definition;
        original.Source.Infos.Clear();

        var error = Assert.Throws<FormatException>(() => DefinitionStates.FromDefinition(original));

        Assert.Equal("failed to find source map with index 0", error.Message);
    }

    [Fact]
    public void SourceInfoDefinitionsAreWrittenAgain()
    {
        var original = LlbMarshaller.Marshal(Built()).Definition;
        var info = Assert.Single(original.Source.Infos);
        Assert.NotNull(info.Definition);

        var copy = LlbState.Scratch.File(new CopyAction(DefinitionStates.FromDefinition(original), "/", "/"));
        var result = LlbMarshaller.Marshal(copy).Definition;

        var again = Assert.Single(result.Source.Infos);
        Assert.Equal(info.Definition, again.Definition);
        Assert.Equal("Dockerfile", again.Filename);
    }
}
