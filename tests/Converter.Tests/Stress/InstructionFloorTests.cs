using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>
/// Issue 14 item 4: RUNs certain to take more than the message limit are refused from the instructions alone, before
/// any base image is looked up or any stage dispatched, so that memory stays that of the parsed file; stages the target
/// does not need are not counted, and a stage's RUNs add to those of the stage it is based on.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class InstructionFloorTests
{
    /// <summary>Counts lookups; a lookup means the conversion went past the instruction check.</summary>
    private sealed class CountingResolver : IImageMetadataResolver
    {
        public int Calls { get; private set; }

        public ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default)
        {
            Calls++;
            return OfflineImageMetadataResolver.Instance.ResolveAsync(reference, platform, options, cancellationToken);
        }
    }

    private static (ConvertException Error, int Lookups) Refuse(string dockerfile, ConvertOptions options)
    {
        var resolver = new CountingResolver();
        var error = Assert.Throws<ConvertException>(() => Translation.Run(dockerfile, options with { ImageResolver = resolver }));
        return (error, resolver.Calls);
    }

    [Fact]
    public void AHundredThousandRunsAreRefusedBeforeTheBaseImageIsLookedUp()
    {
        var (error, lookups) = Refuse(HostileInputs.ManyRuns(100_000), Translation.Options);
        Assert.StartsWith("the build definition is over BuildKit's message limit of 16 MiB: the RUN instructions up to here alone take", error.Message);
        Assert.InRange(error.Range!.Value.StartLine, 30_000, 60_000);
        Assert.Equal(0, lookups);
    }

    [Fact]
    public void AStageTheTargetDoesNotNeedIsNotCounted()
    {
        var dockerfile = "FROM alpine AS heavy\n" + HostileInputs.ManyRuns(200)["FROM alpine\n".Length..] + "FROM scratch\nCOPY a /a\n";
        var options = Translation.Options with { MaxDefinitionBytes = 4_000 };
        Assert.NotEmpty(Translation.Run(dockerfile, options).Definition);
        var (error, lookups) = Refuse(dockerfile, options with { Target = "heavy" });
        Assert.StartsWith("the build definition is over BuildKit's message limit of 4000 bytes", error.Message);
        Assert.Equal(0, lookups);
    }

    [Fact]
    public void AStagesRunsAddToThoseOfItsBaseStage()
    {
        // 30 RUNs in each stage: either alone is under the limit; what the instructions alone certainly take of both is over it.
        var runs = HostileInputs.ManyRuns(30)["FROM alpine\n".Length..];
        var alone = "FROM alpine AS base\n" + runs;
        var size = Translation.Run(alone).Definition.Length;
        var dockerfile = alone + "FROM base\n" + runs;
        var (error, lookups) = Refuse(dockerfile, Translation.Options with { MaxDefinitionBytes = size * 6 / 5 });
        Assert.InRange(error.Range!.Value.StartLine, 33, 62);
        Assert.Equal(0, lookups);
    }
}
