using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using Moby.Buildkit.V1.Frontend;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>Base-image metadata from the daemon (<c>ResolveImageConfig</c>, registry resolver), as upstream's MetaResolver.</summary>
/// <param name="client">The bridge.</param>
public sealed class BridgeImageResolver(GatewayClient client) : IImageMetadataResolver
{
    /// <inheritdoc/>
    public async ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default)
    {
        var request = new ResolveImageConfigRequest
        {
            Ref = reference.WithDefaultTag().ToString(),
            Platform = PlatformProto.From(platform),
            ResolveMode = options.ResolveMode,
            LogName = options.LogName ?? "",
        };
        var response = await client.ResolveImageConfigAsync(request, cancellationToken).ConfigureAwait(false);
        var config = ImageConfigReader.Parse(response.Config.Memory, "image config of " + reference);
        return new ResolvedImage(response.Digest.Length == 0 ? null : response.Digest, config);
    }
}
