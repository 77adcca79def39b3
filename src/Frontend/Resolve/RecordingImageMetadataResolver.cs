using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Resolve;

/// <summary>
/// The resolver a conversion runs with while the lock is made: each (reference, platform) the converter asks for —
/// only the base images of the stages the target reaches, with build args applied — is resolved once through the
/// given function, recorded, and answered with the real digest and config, so the converter sees what a later
/// translation with the written file will see (platform detection, ONBUILD triggers).
/// </summary>
public sealed class RecordingImageMetadataResolver : IImageMetadataResolver
{
    private readonly Func<ImageReference, LlbPlatform, CancellationToken, Task<LockedImage>> _resolve;
    private readonly Dictionary<(string Key, string Platform), LockedImage> _seen = [];
    private readonly List<LockedImage> _recorded = [];

    /// <summary>Records what <paramref name="resolve"/> answers.</summary>
    public RecordingImageMetadataResolver(Func<ImageReference, LlbPlatform, CancellationToken, Task<LockedImage>> resolve) => _resolve = resolve;

    /// <summary>The images resolved, in the order the converter asked for them.</summary>
    public IReadOnlyList<LockedImage> Recorded => _recorded;

    /// <inheritdoc/>
    public async ValueTask<ResolvedImage> ResolveAsync(
        ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default)
    {
        var key = (reference.WithDefaultTag().ToString(), platform.ToString());
        if (!_seen.TryGetValue(key, out var locked))
        {
            locked = await _resolve(reference, platform, cancellationToken).ConfigureAwait(false);
            _seen[key] = locked;
            _recorded.Add(locked);
        }

        return locked.ToResolved();
    }
}
