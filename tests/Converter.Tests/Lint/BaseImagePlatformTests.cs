using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// InvalidBaseImagePlatform compares the platform asked for and the image's as given (OS and architecture), and shows
/// both normalized with containerd's <c>FormatAll</c>: an image's <c>os.version</c> in parentheses, <c>ARM</c>/<c>7</c>
/// as <c>arm/v7</c>, <c>linux/arm64/v8</c> as <c>linux/arm64</c>. Each row from <c>dockerfile2llb -lint -resolver</c>
/// with the two configs below.
/// </summary>
public sealed class BaseImagePlatformTests
{
    private const string Windows =
        """{"architecture":"amd64","os":"windows","os.version":"10.0.17763.1","rootfs":{"type":"layers","diff_ids":["sha256:2222222222222222222222222222222222222222222222222222222222222222"]},"config":{"WorkingDir":"C:\\base"}}""";

    private const string Arm =
        """{"architecture":"ARM","os":"Linux","variant":"7","rootfs":{"type":"layers","diff_ids":["sha256:2222222222222222222222222222222222222222222222222222222222222222"]}}""";

    [Fact]
    public async Task BothPlatformsAreShownNormalized() =>
        Assert.Equal(
            [
                "FromPlatformFlagConstDisallowed 1 FROM --platform flag should not use constant value \"linux/arm64/v8\"",
                "InvalidBaseImagePlatform 1 Base image winbase was pulled with platform \"windows(10.0.17763.1)/amd64\", expected \"linux/arm64\" for current build",
                "FromPlatformFlagConstDisallowed 2 FROM --platform flag should not use constant value \"linux/arm\"",
                "InvalidBaseImagePlatform 2 Base image armbase was pulled with platform \"linux/arm/v7\", expected \"linux/arm/v7\" for current build",
                "FromPlatformFlagConstDisallowed 3 FROM --platform flag should not use constant value \"Linux/ARM64/V9.0\"",
                "InvalidBaseImagePlatform 3 Base image armbase was pulled with platform \"linux/arm/v7\", expected \"linux/arm64/v9\" for current build",
            ],
            await LintExpansionTests.LintAsync(
                "FROM --platform=linux/arm64/v8 winbase\nFROM --platform=linux/arm armbase\nFROM --platform=Linux/ARM64/V9.0 armbase\n",
                TestConversion.Options with { ImageResolver = new TwoImages() }));

    private sealed class TwoImages : IImageMetadataResolver
    {
        public ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default) =>
            ValueTask.FromResult(new ResolvedImage("sha256:" + new string('1', 64), ImageConfigReader.Parse(reference.Path.EndsWith("winbase", StringComparison.Ordinal) ? Windows : Arm)));
    }
}
