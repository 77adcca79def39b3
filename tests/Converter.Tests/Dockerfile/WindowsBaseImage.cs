using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// Every base image resolves to one windows/amd64 image with a layer and the working directory <c>C:\base</c>
/// (the config given to <c>dockerfile2llb -resolver</c> for the expected values of the Windows path tests).
/// </summary>
internal sealed class WindowsBaseImage : IImageMetadataResolver
{
    private const string Config =
        """{"architecture":"amd64","os":"windows","rootfs":{"type":"layers","diff_ids":["sha256:2222222222222222222222222222222222222222222222222222222222222222"]},"config":{"WorkingDir":"C:\\base"}}""";

    public static ConvertOptions Options { get; } = TestConversion.Options with { ImageResolver = new WindowsBaseImage() };

    public ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(new ResolvedImage("sha256:" + new string('1', 64), ImageConfigReader.Parse(Config)));
}
