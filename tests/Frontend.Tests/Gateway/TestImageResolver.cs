using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>Resolves what the fake bridge resolves, for computing expected definitions offline.</summary>
public sealed class TestImageResolver(FakeBridge bridge) : IImageMetadataResolver
{
    public ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default)
    {
        var (digest, config) = bridge.Images[reference.WithDefaultTag().ToString()];
        return ValueTask.FromResult(new ResolvedImage(digest, ImageConfigReader.Parse(config)));
    }
}
