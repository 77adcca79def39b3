using System.Text.Json;

namespace CSharpFrontend.Frontend.Resolve;

/// <summary>
/// A manifest or index as downloaded: its kind (told the way containerd does: the <c>mediaType</c> field, else the
/// response's content type, else the shape — <c>manifests</c> for an index, <c>config</c>/<c>layers</c> for a
/// manifest), the config descriptor of a manifest, the entries of an index.
/// </summary>
/// <param name="MediaType">One of the four media types of <see cref="MediaTypes.ManifestAccept"/>.</param>
/// <param name="Config">The config descriptor of an image manifest; null for an index.</param>
/// <param name="Manifests">The entries of an index; empty for an image manifest.</param>
public sealed record ManifestDocument(string MediaType, Descriptor? Config, IReadOnlyList<Descriptor> Manifests)
{
    /// <summary>Whether this is an index (or manifest list).</summary>
    public bool IsIndex => MediaTypes.IsIndex(MediaType);

    /// <summary>Reads a downloaded manifest.</summary>
    /// <param name="content">The bytes the registry sent.</param>
    /// <param name="contentType">The response's <c>Content-Type</c> (without parameters), or null.</param>
    /// <exception cref="RegistryFailure">Not JSON, not an object, schema 1, an unknown media type, or malformed descriptors.</exception>
    public static ManifestDocument Parse(ReadOnlyMemory<byte> content, string? contentType)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            throw new RegistryFailure("the manifest is not valid JSON: " + FirstSentence(e.Message), e);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new RegistryFailure("the manifest is not a JSON object");
            }

            if (root.TryGetProperty("schemaVersion", out var version) && version.ValueKind == JsonValueKind.Number
                && version.TryGetInt32(out var schema) && schema == 1)
            {
                throw new RegistryFailure("the registry only has a Docker schema 1 manifest, which is not supported");
            }

            var mediaType = KindOf(root, contentType);
            if (MediaTypes.IsIndex(mediaType))
            {
                var manifests = root.TryGetProperty("manifests", out var list) && list.ValueKind == JsonValueKind.Array
                    ? list.EnumerateArray().Select(ReadDescriptor).ToArray()
                    : [];
                return new ManifestDocument(mediaType, null, manifests);
            }

            if (!root.TryGetProperty("config", out var config) || config.ValueKind != JsonValueKind.Object)
            {
                throw new RegistryFailure("the image manifest has no config descriptor");
            }

            return new ManifestDocument(mediaType, ReadDescriptor(config), []);
        }
    }

    private static string KindOf(JsonElement root, string? contentType)
    {
        var hasManifests = root.TryGetProperty("manifests", out _);
        var hasConfig = root.TryGetProperty("config", out _) || root.TryGetProperty("layers", out _);
        if (hasManifests && hasConfig)
        {
            throw new RegistryFailure("invalid ambiguous manifest and manifest list");
        }

        var shape = hasManifests ? MediaTypes.DockerManifestList : hasConfig ? MediaTypes.DockerManifest : null;
        var declared = root.TryGetProperty("mediaType", out var field) && field.ValueKind == JsonValueKind.String
            ? field.GetString()!
            : contentType is not null && MediaTypes.ManifestAccept.Contains(contentType) ? contentType : null;
        if (declared is null)
        {
            return shape ?? throw new RegistryFailure(
                $"unsupported manifest (content type {contentType ?? "none"}): neither \"manifests\" nor \"config\"");
        }

        if (MediaTypes.IsIndex(declared) ? shape == MediaTypes.DockerManifest
            : MediaTypes.IsManifest(declared) ? shape == MediaTypes.DockerManifestList
            : throw new RegistryFailure($"unsupported manifest media type {declared}"))
        {
            throw new RegistryFailure($"mediaType {declared} does not match the manifest's contents");
        }

        return declared;
    }

    private static Descriptor ReadDescriptor(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new RegistryFailure("a descriptor in the manifest is not an object");
        }

        var digest = String(element, "digest");
        if (!ContentDigest.IsValid(digest))
        {
            throw new RegistryFailure($"the manifest names a malformed or unsupported digest \"{digest}\"");
        }

        var size = element.TryGetProperty("size", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var n) ? n : -1;
        RegistryPlatform? platform = null;
        if (element.TryGetProperty("platform", out var p) && p.ValueKind == JsonValueKind.Object)
        {
            platform = new RegistryPlatform(String(p, "os"), String(p, "architecture"), String(p, "variant"));
        }

        return new Descriptor(String(element, "mediaType"), digest, size, platform);
    }

    private static string String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";

    private static string FirstSentence(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at >= 0 ? message[..at] : message).TrimEnd();
    }
}
