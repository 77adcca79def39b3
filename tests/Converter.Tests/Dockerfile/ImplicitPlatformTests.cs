using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// Without a target platform (no <c>platform</c> option), a stage without <c>FROM --platform</c> runs on its base
/// image's platform when that is one of the build platforms (v0.24.0's <c>autoDetectPlatform</c>, convert.go): the
/// image's source op and the stage's RUN take it. A target platform given, or a <c>--platform</c>, is kept.
/// </summary>
public sealed class ImplicitPlatformTests
{
    private static readonly LlbPlatform Arm64 = new("linux", "arm64");

    private static string[] Platforms(string dockerfile, LlbPlatform? target) =>
        [.. TestConversion.Convert(dockerfile, TestConversion.Options with
            {
                TargetPlatform = target,
                BuildPlatforms = [LlbPlatform.LinuxAmd64, Arm64],
                ImageResolver = new Arm64Image(),
            }).Definition.Ops
            .Where(o => o.Op.Source is not null || o.Op.Exec is not null)
            .Select(o => (o.Op.Source is not null ? "source " : "exec ") + o.Op.Platform.OS + "/" + o.Op.Platform.Architecture)
            .Order(StringComparer.Ordinal)];

    [Fact]
    public void TheBaseImagesPlatformIsTakenWhenItIsABuildPlatform() =>
        Assert.Equal(["exec linux/arm64", "source linux/arm64"], Platforms("FROM alpine\nRUN true\n", target: null));

    [Fact]
    public void AGivenTargetIsKept() =>
        Assert.Equal(["exec linux/amd64", "source linux/amd64"], Platforms("FROM alpine\nRUN true\n", LlbPlatform.LinuxAmd64));

    [Fact]
    public void AGivenPlatformFlagIsKept() =>
        Assert.Equal(["exec linux/amd64", "source linux/amd64"], Platforms("FROM --platform=linux/amd64 alpine\nRUN true\n", target: null));

    private sealed class Arm64Image : IImageMetadataResolver
    {
        private const string Config =
            """{"architecture":"arm64","os":"linux","rootfs":{"type":"layers","diff_ids":["sha256:2222222222222222222222222222222222222222222222222222222222222222"]}}""";

        public ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new ResolvedImage("sha256:" + new string('1', 64), ImageConfigReader.Parse(Config)));
    }
}
