using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;

namespace CSharpFrontend.Frontend.Tests.Resolve;

/// <summary>A blob of a test image: its bytes, digest and media type.</summary>
internal sealed record TestBlob(string MediaType, byte[] Content)
{
    public string Digest { get; } = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Content));

    public string Hex => Digest["sha256:".Length..];

    public string DescriptorJson(string? platform = null) =>
        $"{{\"mediaType\":\"{MediaType}\",\"digest\":\"{Digest}\",\"size\":{Content.Length}{(platform is null ? "" : ",\"platform\":" + platform)}}}";
}

/// <summary>
/// A tiny OCI image made on disk: one gzipped layer holding one file, a config with Env and WorkingDir, a manifest;
/// and an index over several such images.
/// </summary>
internal sealed record TestImage(TestBlob Layer, TestBlob Config, TestBlob Manifest)
{
    public const string OciManifest = "application/vnd.oci.image.manifest.v1+json";
    public const string OciIndex = "application/vnd.oci.image.index.v1+json";
    public const string OciConfig = "application/vnd.oci.image.config.v1+json";
    public const string OciLayer = "application/vnd.oci.image.layer.v1.tar+gzip";

    public IEnumerable<TestBlob> Blobs => [Layer, Config, Manifest];

    /// <summary>An image for <paramref name="architecture"/> whose config sets <paramref name="env"/> and <paramref name="workdir"/>.</summary>
    public static TestImage Create(string architecture, string env, string workdir, string? variant = null)
    {
        var (tar, gzipped) = MakeLayer($"hello from {architecture}\n");
        var diffId = "sha256:" + Convert.ToHexStringLower(SHA256.HashData(tar));
        var variantField = variant is null ? "" : $"\"variant\":\"{variant}\",";
        var config = new TestBlob(OciConfig, Encoding.UTF8.GetBytes(
            $"{{\"architecture\":\"{architecture}\",{variantField}\"os\":\"linux\",\"config\":{{\"Env\":[\"PATH=/usr/bin:/bin\",\"{env}\"],\"WorkingDir\":\"{workdir}\",\"Cmd\":[\"/bin/sh\"]}},"
            + $"\"rootfs\":{{\"type\":\"layers\",\"diff_ids\":[\"{diffId}\"]}},\"history\":[{{\"created_by\":\"test {architecture}\"}}]}}"));
        var layer = new TestBlob(OciLayer, gzipped);
        var manifest = new TestBlob(OciManifest, Encoding.UTF8.GetBytes(
            $"{{\"schemaVersion\":2,\"mediaType\":\"{OciManifest}\",\"config\":{config.DescriptorJson()},\"layers\":[{layer.DescriptorJson()}]}}"));
        return new TestImage(layer, config, manifest);
    }

    /// <summary>An OCI index over <paramref name="images"/> with their platforms (<c>linux/ARCH</c>).</summary>
    public static TestBlob Index(params (TestImage Image, string Architecture, string? Variant)[] images) =>
        new(OciIndex, Encoding.UTF8.GetBytes(
            $"{{\"schemaVersion\":2,\"mediaType\":\"{OciIndex}\",\"manifests\":["
            + string.Join(",", images.Select(i => i.Image.Manifest.DescriptorJson(
                $"{{\"architecture\":\"{i.Architecture}\",\"os\":\"linux\"{(i.Variant is null ? "" : $",\"variant\":\"{i.Variant}\"")}}}")))
            + "]}"));

    /// <summary>Writes an OCI image layout at <paramref name="directory"/> whose index.json names <paramref name="top"/> as <paramref name="refName"/>.</summary>
    public static void WriteLayout(string directory, TestBlob top, string refName, IEnumerable<TestBlob> blobs)
    {
        var blobDir = Path.Combine(directory, "blobs", "sha256");
        Directory.CreateDirectory(blobDir);
        foreach (var blob in blobs.Append(top))
        {
            File.WriteAllBytes(Path.Combine(blobDir, blob.Hex), blob.Content);
        }

        File.WriteAllText(Path.Combine(directory, "oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        File.WriteAllText(Path.Combine(directory, "index.json"),
            $"{{\"schemaVersion\":2,\"manifests\":[{top.DescriptorJson().TrimEnd('}')},\"annotations\":{{\"org.opencontainers.image.ref.name\":\"{refName}\"}}}}]}}");
    }

    private static (byte[] Tar, byte[] Gzipped) MakeLayer(string text)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Pax, leaveOpen: true))
        {
            var entry = new PaxTarEntry(TarEntryType.RegularFile, "hello.txt")
            {
                DataStream = new MemoryStream(Encoding.UTF8.GetBytes(text)),
                ModificationTime = new DateTimeOffset(2020, 1, 1, 0, 0, 0, TimeSpan.Zero),
                Mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead,
            };
            writer.WriteEntry(entry);
        }

        using var gzipped = new MemoryStream();
        using (var gzip = new GZipStream(gzipped, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(tar.ToArray());
        }

        return (tar.ToArray(), gzipped.ToArray());
    }
}
