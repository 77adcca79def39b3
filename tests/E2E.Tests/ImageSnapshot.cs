using System.Collections.Immutable;
using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace CSharpFrontend.E2E.Tests;

/// <summary>One file of an image's flattened filesystem, with everything the comparison looks at.</summary>
internal sealed record FileEntry(string Type, string Mode, int Uid, int Gid, long Size, string? Sha256, string? Link, string? Text)
{
    /// <summary>The comparison key: all but the text (which only expectations read).</summary>
    public string Describe() => $"{Type} {Mode} {Uid}:{Gid} size={Size}" + (Sha256 is null ? "" : $" sha256={Sha256[..16]}") + (Link is null ? "" : $" -> {Link}");
}

/// <summary>
/// An image's files (from <c>docker export</c> of a container made from it, or its OCI layers flattened) and its
/// config (the container config: Env, Cmd, ...). <c>Document</c>: the whole image config (architecture, os, config,
/// rootfs, history) where the image was read from an OCI layout; <c>Manifest</c>: its manifest there.
/// </summary>
internal sealed record ImageSnapshot(ImmutableSortedDictionary<string, FileEntry> Files, JsonObject Config, string Platform)
{
    public JsonObject? Document { get; init; }

    public JsonObject? Manifest { get; init; }

    /// <summary>The config fields the images must agree on.</summary>
    public static readonly ImmutableArray<string> ComparedConfigFields =
        ["Env", "Cmd", "Entrypoint", "WorkingDir", "User", "Labels", "ExposedPorts", "Volumes", "StopSignal", "Healthcheck", "OnBuild", "Shell"];

    private const int MaxTextBytes = 64 * 1024;

    public static ImageSnapshot Take(string image)
    {
        var inspect = DockerCli.Check("image", "inspect", image);
        var inspected = JsonNode.Parse(inspect.Stdout)!.AsArray()[0]!;
        var config = inspected["Config"]?.AsObject() ?? [];
        var platform = $"{inspected["Os"]}/{inspected["Architecture"]}" + (inspected["Variant"] is { } variant ? "/" + variant : "");
        var container = DockerCli.Check("create", image, "/nonexistent-command").Stdout.Trim();
        try
        {
            var (exitCode, files, stderr) = DockerCli.Run(["export", container], ReadTar);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"docker export {image} failed: {stderr}");
            }

            return new ImageSnapshot(files, (JsonObject)config.DeepClone(), platform);
        }
        finally
        {
            DockerCli.Run(["rm", "-f", container]);
        }
    }

    private static ImmutableSortedDictionary<string, FileEntry> ReadTar(Stream stream)
    {
        var files = ImmutableSortedDictionary.CreateBuilder<string, FileEntry>(StringComparer.Ordinal);
        using var reader = new TarReader(stream);
        while (reader.GetNextEntry() is { } entry)
        {
            files[PathOf(entry)] = Describe(entry);
        }

        return files.ToImmutable();
    }

    /// <summary>The absolute path of a tar entry (<c>./a/b/</c> is <c>/a/b</c>).</summary>
    public static string PathOf(TarEntry entry) => "/" + entry.Name.TrimStart('.', '/').TrimEnd('/');

    /// <summary>Type, mode, owner, size, hash and (small) text of a tar entry.</summary>
    public static FileEntry Describe(TarEntry entry)
    {
        string? hash = null;
        string? text = null;
        long size = 0;
        if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.DataStream is { } data)
        {
            using var buffer = new MemoryStream();
            data.CopyTo(buffer);
            size = buffer.Length;
            hash = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
            text = size <= MaxTextBytes ? Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length) : null;
        }

        var link = entry.EntryType is TarEntryType.SymbolicLink or TarEntryType.HardLink ? entry.LinkName : null;
        return new FileEntry(TypeName(entry.EntryType), Octal(entry.Mode), entry.Uid, entry.Gid, size, hash, link, text);
    }

    private static string TypeName(TarEntryType type) => type switch
    {
        TarEntryType.RegularFile or TarEntryType.V7RegularFile => "file",
        TarEntryType.Directory => "dir",
        TarEntryType.SymbolicLink => "symlink",
        TarEntryType.HardLink => "hardlink",
        TarEntryType.CharacterDevice => "char",
        TarEntryType.BlockDevice => "block",
        TarEntryType.Fifo => "fifo",
        _ => type.ToString(),
    };

    /// <summary>Permission and special bits as four octal digits, e.g. 0755 or 4755.</summary>
    public static string Octal(UnixFileMode mode) => Convert.ToString((int)mode & 0xFFF, 8).PadLeft(4, '0');
}
