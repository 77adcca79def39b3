using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// The resolver used without any image metadata: every image exists but tells nothing about itself. No digest,
/// and the config <c>{"rootfs":{"type":"layers","diff_ids":["sha256:000…0"]}}</c> (one placeholder layer, so the
/// image is not taken for scratch; no platform, env, workdir or user).
/// </summary>
public sealed class OfflineImageMetadataResolver : IImageMetadataResolver
{
    /// <summary>The placeholder layer digest of the offline config.</summary>
    public const string PlaceholderDiffId = "sha256:0000000000000000000000000000000000000000000000000000000000000000";

    private OfflineImageMetadataResolver()
    {
    }

    /// <summary>The single instance.</summary>
    public static OfflineImageMetadataResolver Instance { get; } = new();

    /// <summary>The config every image gets offline.</summary>
    public static ImageConfig DefaultConfig { get; } =
        new() { RootFs = new RootFs { Type = "layers", DiffIds = [PlaceholderDiffId] } };

    /// <summary>The answer for every image: no digest, <see cref="DefaultConfig"/>.</summary>
    public static ResolvedImage Default { get; } = new(null, DefaultConfig);

    /// <inheritdoc cref="IImageMetadataResolver.ResolveAsync(ImageReference, LlbPlatform, CancellationToken)"/>
    public ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, CancellationToken cancellationToken = default) =>
        ResolveAsync(reference, platform, ImageResolveOptions.Default, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ResolvedImage> ResolveAsync(
        ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Default);
}
