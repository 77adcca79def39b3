using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Resolve;

/// <summary>
/// Finds and resolves the base images a Dockerfile needs: converts it with a
/// <see cref="RecordingImageMetadataResolver"/>, so exactly the images the converter resolves — those of the stages
/// the target reaches, with build args and platforms applied — are looked up, and collects them into an
/// <see cref="ImageLock"/>.
/// </summary>
public static class DockerfileLocker
{
    /// <summary>Resolves the base images of <paramref name="dockerfile"/> as converted with <paramref name="options"/>.</summary>
    /// <param name="dockerfile">The Dockerfile text.</param>
    /// <param name="options">Target, platform and build args (its image resolver is replaced).</param>
    /// <param name="resolve">Resolves one image, e.g. <see cref="RegistryImageResolver.ResolveAsync"/>.</param>
    /// <param name="cancellationToken">Cancels the lookups.</param>
    /// <exception cref="ConvertException">The Dockerfile is rejected.</exception>
    /// <exception cref="ResolveException">An image cannot be resolved.</exception>
    public static async Task<ImageLock> LockAsync(
        string dockerfile,
        ConvertOptions options,
        Func<ImageReference, LlbPlatform, CancellationToken, Task<LockedImage>> resolve,
        CancellationToken cancellationToken = default)
    {
        var recorder = new RecordingImageMetadataResolver(resolve);
        await DockerfileConverter.ConvertAsync(dockerfile, options with { ImageResolver = recorder }, cancellationToken).ConfigureAwait(false);
        return ImageLock.From(recorder.Recorded);
    }
}
