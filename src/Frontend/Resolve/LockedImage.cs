using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Resolve;

/// <summary>One base image as a registry resolved it: what an image-metadata file records for its reference.</summary>
/// <param name="Key">The normalized reference with default tag, the file's key (<c>docker.io/library/alpine:latest</c>).</param>
/// <param name="Platform">The platform it was resolved for.</param>
/// <param name="Digest">The digest the reference resolves to (an index's own digest for a multi-platform image), as BuildKit pins it.</param>
/// <param name="ManifestDigest">The digest of the platform's image manifest (equal to <paramref name="Digest"/> for a single-platform image).</param>
/// <param name="ConfigDigest">The digest of the config blob, as the manifest names it.</param>
/// <param name="ConfigJson">The config blob exactly as the registry sent it (its sha256 is <paramref name="ConfigDigest"/>).</param>
/// <param name="Config">The config read with Go's rules.</param>
public sealed record LockedImage(
    string Key, LlbPlatform Platform, string Digest, string ManifestDigest, string ConfigDigest, ReadOnlyMemory<byte> ConfigJson, ImageConfig Config)
{
    /// <summary>Said on stderr when the image is recorded (its config is for another platform than requested).</summary>
    public string? Warning { get; init; }

    /// <summary>The converter's view: digest and config.</summary>
    public ResolvedImage ToResolved() => new(Digest, Config);
}
