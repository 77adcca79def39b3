using System.Collections.Immutable;

namespace CSharpFrontend.Frontend.Resolve;

/// <summary>
/// The contents of an image-metadata file: one resolved image per normalized reference, sorted by reference
/// (ordinal). The file's key has no platform, so a reference needed for two platforms must resolve to the same
/// digest and config for both.
/// </summary>
public sealed record ImageLock(ImmutableSortedDictionary<string, LockedImage> Images)
{
    /// <summary>Collects <paramref name="images"/> by reference.</summary>
    /// <exception cref="ResolveException">One reference resolved differently for two platforms.</exception>
    public static ImageLock From(IEnumerable<LockedImage> images)
    {
        var byKey = ImmutableSortedDictionary.CreateBuilder<string, LockedImage>(StringComparer.Ordinal);
        foreach (var image in images)
        {
            if (!byKey.TryGetValue(image.Key, out var earlier))
            {
                byKey[image.Key] = image;
                continue;
            }

            if (earlier.Digest != image.Digest || earlier.ConfigDigest != image.ConfigDigest)
            {
                var (first, second) = string.CompareOrdinal(earlier.Platform.ToString(), image.Platform.ToString()) <= 0 ? (earlier, image) : (image, earlier);
                throw new ResolveException(image.Key,
                    $"needed for {first.Platform} and {second.Platform}, which resolve to different configs ({first.ConfigDigest} and {second.ConfigDigest}); "
                    + "an image-metadata file holds one config per reference, so resolve each platform into a file of its own");
            }
        }

        return new ImageLock(byKey.ToImmutable());
    }
}
