using System.Collections.Immutable;
using System.Formats.Tar;
using System.IO.Compression;
using System.Text.Json.Nodes;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// An OCI image layout as <c>buildctl build --output type=oci,dest=FILE</c> writes it (a tar of index.json and
/// blobs/sha256/*): the top index, the platform index when several platforms were built, and each platform's image
/// with its manifest, whole config and files (the layers applied in order, whiteouts honoured).
/// </summary>
internal sealed record OciLayout(JsonObject Index, JsonObject? PlatformIndex, ImmutableArray<ImageSnapshot> Images)
{
    private const string IndexMediaType = "application/vnd.oci.image.index.v1+json";

    public static OciLayout Read(string tarball)
    {
        var blobs = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        using (var stream = File.OpenRead(tarball))
        using (var reader = new TarReader(stream))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.DataStream is { } data && entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile)
                {
                    using var buffer = new MemoryStream();
                    data.CopyTo(buffer);
                    blobs[entry.Name.TrimStart('.', '/')] = buffer.ToArray();
                }
            }
        }

        JsonObject Json(byte[] bytes) => JsonNode.Parse(bytes)!.AsObject();
        byte[] Blob(JsonNode descriptor)
        {
            var digest = descriptor["digest"]!.GetValue<string>();
            return blobs.TryGetValue("blobs/" + digest.Replace(':', '/'), out var blob)
                ? blob
                : throw new InvalidDataException($"{tarball}: blob {digest} is missing");
        }

        var index = Json(blobs["index.json"]);
        var top = index["manifests"]!.AsArray().Single()!;
        JsonObject? platformIndex = null;
        IEnumerable<JsonNode> manifests = [top];
        if (top["mediaType"]?.GetValue<string>() == IndexMediaType)
        {
            platformIndex = Json(Blob(top));
            manifests = platformIndex["manifests"]!.AsArray().Select(node => node!);
        }

        var images = manifests.Select(descriptor =>
        {
            var manifest = Json(Blob(descriptor));
            var document = Json(Blob(manifest["config"]!));
            var files = Flatten(manifest["layers"]!.AsArray().Select(layer => (Blob(layer!), layer!["mediaType"]!.GetValue<string>())));
            var platform = $"{document["os"]}/{document["architecture"]}" + (document["variant"] is { } variant ? "/" + variant : "");
            return new ImageSnapshot(files, document["config"]?.AsObject() ?? [], platform) { Document = document, Manifest = manifest };
        });
        return new OciLayout(index, platformIndex, [.. images]);
    }

    /// <summary>The filesystem the layers make, each applied over the ones before (<c>.wh.</c> deletes, <c>.wh..wh..opq</c> empties a directory).</summary>
    private static ImmutableSortedDictionary<string, FileEntry> Flatten(IEnumerable<(byte[] Blob, string MediaType)> layers)
    {
        var files = new SortedDictionary<string, FileEntry>(StringComparer.Ordinal);
        foreach (var (blob, mediaType) in layers)
        {
            using var raw = new MemoryStream(blob);
            using Stream data = mediaType.EndsWith("+gzip", StringComparison.Ordinal) || mediaType.EndsWith(".gzip", StringComparison.Ordinal)
                ? new GZipStream(raw, CompressionMode.Decompress)
                : raw;
            using var reader = new TarReader(data);
            while (reader.GetNextEntry() is { } entry)
            {
                var path = ImageSnapshot.PathOf(entry);
                if (path == "/")
                {
                    continue;
                }

                var name = Path.GetFileName(path);
                var directory = Path.GetDirectoryName(path)!.TrimEnd('/');
                if (name == ".wh..wh..opq")
                {
                    RemoveUnder(files, directory);
                }
                else if (name.StartsWith(".wh.", StringComparison.Ordinal))
                {
                    var removed = directory + "/" + name[4..];
                    files.Remove(removed);
                    RemoveUnder(files, removed);
                }
                else
                {
                    files[path] = ImageSnapshot.Describe(entry);
                }
            }
        }

        return files.ToImmutableSortedDictionary(StringComparer.Ordinal);
    }

    private static void RemoveUnder(SortedDictionary<string, FileEntry> files, string directory)
    {
        var prefix = directory + "/";
        foreach (var path in files.Keys.Where(path => path.StartsWith(prefix, StringComparison.Ordinal)).ToList())
        {
            files.Remove(path);
        }
    }
}
