using System.Text.Json.Nodes;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// Differences between two OCI images beyond their files: the whole image config (apart from the build times and
/// the buildinfo that names the frontend) and the index and manifests (apart from the digests of content that
/// carries those times).
/// </summary>
internal static class OciComparison
{
    /// <summary>Config keys that name the build rather than the image: BuildKit's buildinfo (it names the frontend).</summary>
    private static readonly string[] BuildInfoKeys = ["moby.buildkit.buildinfo.v1"];

    /// <summary>
    /// The whole configs; their layer digests (<c>rootfs.diff_ids</c>) only when <paramref name="sameLayers"/>:
    /// a step run again writes its files with new times, so only layers taken from the cache can be equal (the
    /// files themselves are compared apart).
    /// </summary>
    public static IReadOnlyList<string> Config(ImageSnapshot builtin, ImageSnapshot ours, bool sameLayers)
    {
        var differences = new List<string>();
        var left = Comparable(builtin.Document!, builtin.Document!);
        var right = Comparable(ours.Document!, builtin.Document!);
        if (!sameLayers)
        {
            left["rootfs"]?.AsObject().Remove("diff_ids");
            right["rootfs"]?.AsObject().Remove("diff_ids");
        }

        Diff(left, right, "config", differences);
        return differences;
    }

    /// <summary>
    /// The platform lists of the indexes and each manifest's shape (media types, annotations, layer count and types);
    /// the layer digests too when <paramref name="sameLayers"/> (the second build took every layer from the cache).
    /// </summary>
    public static IReadOnlyList<string> Manifests(OciLayout builtin, OciLayout ours, bool sameLayers)
    {
        var differences = new List<string>();
        Diff(IndexShape(builtin.PlatformIndex), IndexShape(ours.PlatformIndex), "index", differences);
        foreach (var (left, right) in builtin.Images.Zip(ours.Images))
        {
            Diff(ManifestShape(left.Manifest!, sameLayers), ManifestShape(right.Manifest!, sameLayers), $"manifest {left.Platform}", differences);
        }

        if (builtin.Images.Length != ours.Images.Length)
        {
            differences.Add($"images: builtin {builtin.Images.Length} | ours {ours.Images.Length}");
        }

        return differences;
    }

    /// <summary>
    /// v0.24.0 writes EXPOSE's history as a Go pointer (<c>EXPOSE &amp;{[{{2 0} {2 0}}] 0xc002182fc0}</c>, fixed
    /// upstream later in 98eab3257): an address no other program can reproduce, so that text is not compared.
    /// </summary>
    private static readonly System.Text.RegularExpressions.Regex ExposePointer = new(@"^EXPOSE &\{.* 0x[0-9a-f]+\}$");

    private static JsonObject Comparable(JsonObject document, JsonObject builtin)
    {
        var copy = (JsonObject)document.DeepClone();
        copy.Remove("created");
        var builtinHistory = builtin["history"]?.AsArray();
        foreach (var (entry, index) in (copy["history"]?.AsArray() ?? []).Select((entry, index) => (entry, index)))
        {
            entry?.AsObject().Remove("created");
            if (builtinHistory?.ElementAtOrDefault(index)?["created_by"]?.GetValue<string>() is { } text && ExposePointer.IsMatch(text))
            {
                entry?.AsObject().Remove("created_by");
            }
        }

        foreach (var key in BuildInfoKeys)
        {
            copy.Remove(key);
        }

        return copy;
    }

    private static JsonNode? IndexShape(JsonObject? index)
    {
        if (index is null)
        {
            return null;
        }

        var copy = (JsonObject)index.DeepClone();
        foreach (var manifest in copy["manifests"]?.AsArray() ?? [])
        {
            manifest!.AsObject().Remove("digest");
            manifest.AsObject().Remove("size");
        }

        return copy;
    }

    private static JsonObject ManifestShape(JsonObject manifest, bool sameLayers)
    {
        var copy = (JsonObject)manifest.DeepClone();
        copy["config"]!.AsObject().Remove("digest");
        copy["config"]!.AsObject().Remove("size");
        if (!sameLayers)
        {
            foreach (var layer in copy["layers"]?.AsArray() ?? [])
            {
                layer!.AsObject().Remove("digest");
                layer.AsObject().Remove("size");
            }
        }

        return copy;
    }

    /// <summary>Adds one line per differing leaf (path: builtin value | ours value).</summary>
    public static void Diff(JsonNode? left, JsonNode? right, string path, List<string> differences)
    {
        if (left is JsonObject leftObject && right is JsonObject rightObject)
        {
            foreach (var key in leftObject.Select(entry => entry.Key).Union(rightObject.Select(entry => entry.Key)).Order(StringComparer.Ordinal))
            {
                Diff(leftObject[key], rightObject[key], $"{path}.{key}", differences);
            }
        }
        else if (left is JsonArray leftArray && right is JsonArray rightArray && leftArray.Count == rightArray.Count)
        {
            for (var index = 0; index < leftArray.Count; index++)
            {
                Diff(leftArray[index], rightArray[index], $"{path}[{index}]", differences);
            }
        }
        else if (!JsonNode.DeepEquals(left, right))
        {
            differences.Add($"{path}: builtin {left?.ToJsonString() ?? "(absent)"} | ours {right?.ToJsonString() ?? "(absent)"}");
        }
    }
}
