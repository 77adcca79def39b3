using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// Looks up the metadata of a base image named by <c>FROM</c> (BuildKit's <c>ResolveImageConfig</c>): the digest
/// and config of <paramref name="reference"/> for <paramref name="platform"/>.
/// </summary>
public interface IImageMetadataResolver
{
    /// <summary>Resolves a normalized reference (with <c>:latest</c> added when it has neither tag nor digest).</summary>
    /// <param name="reference">The reference as the converter normalized it.</param>
    /// <param name="platform">The platform the stage is built for.</param>
    /// <param name="options">Resolve mode and progress name.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    ValueTask<ResolvedImage> ResolveAsync(
        ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default);

    /// <summary>Resolves with <see cref="ImageResolveOptions.Default"/>.</summary>
    ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, CancellationToken cancellationToken = default) =>
        ResolveAsync(reference, platform, ImageResolveOptions.Default, cancellationToken);
}
