using CSharpFrontend.Converter.Dockerfile.Contexts;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using Moby.Buildkit.V1.Frontend;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// Base-image metadata from the daemon (<c>ResolveImageConfig</c>, registry resolver), as upstream's MetaResolver.
/// A lookup that names no progress name is a <c>FROM</c> base image: it is shown as upstream's dockerfile2llb names
/// it (<c>[internal] load metadata for REF</c>, <c>[linux/arm64 internal] ...</c> when several platforms are built)
/// and takes the build's <c>image-resolve-mode</c> unless the caller chose a mode.
/// </summary>
/// <param name="client">The bridge.</param>
/// <param name="buildResolveMode">The build's <c>image-resolve-mode</c>.</param>
/// <param name="prefixPlatform">Whether step names carry the platform (several platforms, or BUILDKIT_MULTI_PLATFORM).</param>
public sealed partial class BridgeImageResolver(GatewayClient client, ResolveMode buildResolveMode, bool prefixPlatform) : IImageMetadataResolver
{
    /// <inheritdoc/>
    public async ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default)
    {
        var name = reference.WithDefaultTag().ToString();
        var request = new ResolveImageConfigRequest
        {
            Ref = name,
            Platform = PlatformProto.From(platform),
            ResolveMode = options.ResolveMode == ResolveModes.Name(ResolveMode.Default) ? ResolveModes.Name(buildResolveMode) : options.ResolveMode,
            LogName = options.LogName ?? BaseImageLogName(name, platform, prefixPlatform),
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

    /// <summary>The progress name of a base image's lookup, as dockerfile2llb writes it.</summary>
    public static string BaseImageLogName(string reference, LlbPlatform platform, bool prefixPlatform) =>
        $"[{(prefixPlatform ? platform.FormatAll() + " " : "")}internal] load metadata for {reference}";
}
