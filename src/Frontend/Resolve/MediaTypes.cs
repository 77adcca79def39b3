namespace CSharpFrontend.Frontend.Resolve;

/// <summary>The manifest media types a resolve accepts, and how a manifest's kind is told.</summary>
public static class MediaTypes
{
    /// <summary>OCI image index.</summary>
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";

    /// <summary>Docker manifest list.</summary>
    public const string DockerManifestList = "application/vnd.docker.distribution.manifest.list.v2+json";

    /// <summary>OCI image manifest.</summary>
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";

    /// <summary>Docker image manifest, schema 2.</summary>
    public const string DockerManifest = "application/vnd.docker.distribution.manifest.v2+json";

    /// <summary>Docker schema 1 manifests (signed or not): refused.</summary>
    public const string DockerSchema1 = "application/vnd.docker.distribution.manifest.v1";

    /// <summary>The <c>Accept</c> header of a manifest request, most specific first.</summary>
    public static IReadOnlyList<string> ManifestAccept { get; } = [OciIndex, DockerManifestList, OciManifest, DockerManifest];

    /// <summary>Whether <paramref name="mediaType"/> is an index or manifest list.</summary>
    public static bool IsIndex(string mediaType) => mediaType is OciIndex or DockerManifestList;

    /// <summary>Whether <paramref name="mediaType"/> is a single-platform image manifest.</summary>
    public static bool IsManifest(string mediaType) => mediaType is OciManifest or DockerManifest;
}
