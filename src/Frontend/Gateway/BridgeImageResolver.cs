using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using Moby.Buildkit.V1.Frontend;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>Base-image metadata from the daemon (<c>ResolveImageConfig</c>, registry resolver), as upstream's MetaResolver.</summary>
/// <param name="client">The bridge.</param>
public sealed partial class BridgeImageResolver(GatewayClient client) : IImageMetadataResolver
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
        if (response.Digest.Length > 0 && DigestError(reference, response.Digest) is { } error)
        {
            throw new GatewayException($"failed to resolve {reference.WithDefaultTag()}: the daemon answered digest {CSharpFrontend.Shared.GoQuoting.Quote(response.Digest)}: {error}");
        }

        return new ResolvedImage(response.Digest.Length == 0 ? null : response.Digest, config);
    }

    /// <summary>Distribution's <c>WithDigest</c> check, then go-digest's (by parsing the pinned reference), in their words.</summary>
    private static string? DigestError(ImageReference reference, string digest) =>
        !DigestGrammar().IsMatch(digest) ? "invalid digest format"
        : ImageReference.TryParseNormalized(reference.Name + "@" + digest, out var error) is null ? error
        : null;

    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9A-Fa-f]{32,}\z")]
    private static partial System.Text.RegularExpressions.Regex DigestGrammar();
}
