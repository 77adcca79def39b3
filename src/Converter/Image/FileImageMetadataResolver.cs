using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// Answers from an image-metadata file: a JSON object mapping a normalized reference
/// (<c>docker.io/library/alpine:latest</c>; the form the converter resolves, tag included) to
/// <c>{ "digest": "sha256:…", "config": { image config } }</c>. The platform is not part of the key: an entry
/// answers for every platform. References not in the file go to the fallback (by default the offline resolver).
/// </summary>
public sealed partial class FileImageMetadataResolver : IImageMetadataResolver
{
    private readonly IImageMetadataResolver _fallback;

    private FileImageMetadataResolver(ImmutableSortedDictionary<string, ResolvedImage> entries, IImageMetadataResolver fallback)
    {
        Entries = entries;
        _fallback = fallback;
    }

    /// <summary>The entries of the file, by normalized reference.</summary>
    public ImmutableSortedDictionary<string, ResolvedImage> Entries { get; }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    /// <param name="path">The image-metadata file.</param>
    /// <param name="fallback">Answers references not in the file; null = <see cref="OfflineImageMetadataResolver"/>.</param>
    /// <exception cref="ImageConfigFormatException">The file is not valid (message starts with <c>path:line:column:</c>).</exception>
    public static FileImageMetadataResolver Load(string path, IImageMetadataResolver? fallback = null) =>
        Read(new JsonSource(File.ReadAllBytes(path), path), fallback);

    /// <summary>Reads image-metadata JSON text; <paramref name="sourceName"/> names it in errors.</summary>
    /// <inheritdoc cref="Load(string, IImageMetadataResolver?)"/>
    public static FileImageMetadataResolver Parse(string json, string sourceName, IImageMetadataResolver? fallback = null) =>
        Read(JsonSource.FromText(json, sourceName), fallback);

    /// <summary>The entry for <paramref name="reference"/> (with <c>:latest</c> added when it has no tag or digest).</summary>
    public bool TryGet(ImageReference reference, out ResolvedImage resolved)
    {
        if (Entries.TryGetValue(reference.WithDefaultTag().ToString(), out var found))
        {
            resolved = found;
            return true;
        }

        resolved = OfflineImageMetadataResolver.Default;
        return false;
    }

    /// <inheritdoc cref="IImageMetadataResolver.ResolveAsync(ImageReference, LlbPlatform, CancellationToken)"/>
    public ValueTask<ResolvedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, CancellationToken cancellationToken = default) =>
        ResolveAsync(reference, platform, ImageResolveOptions.Default, cancellationToken);

    /// <inheritdoc/>
    public ValueTask<ResolvedImage> ResolveAsync(
        ImageReference reference, LlbPlatform platform, ImageResolveOptions options, CancellationToken cancellationToken = default) =>
        TryGet(reference, out var resolved)
            ? ValueTask.FromResult(resolved)
            : _fallback.ResolveAsync(reference, platform, options, cancellationToken);

    private static FileImageMetadataResolver Read(JsonSource source, IImageMetadataResolver? fallback)
    {
        var reader = source.OpenValidated();
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw source.Error(reader, "expected an object mapping image references to { \"digest\", \"config\" }");
        }

        var entries = ImmutableSortedDictionary.CreateBuilder<string, ResolvedImage>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var key = reader.GetString()!;
            CheckKey(source, reader, key);
            if (entries.ContainsKey(key))
            {
                throw source.Error(reader, $"duplicate entry for {key}");
            }

            reader.Read();
            entries[key] = ReadEntry(ref reader, source, key);
        }

        return new FileImageMetadataResolver(entries.ToImmutable(), fallback ?? OfflineImageMetadataResolver.Instance);
    }

    private static void CheckKey(JsonSource source, Utf8JsonReader reader, string key)
    {
        var parsed = ImageReference.TryParseNormalized(key, out var error);
        if (parsed is null)
        {
            throw source.Error(reader, $"{key}: not an image reference: {error}");
        }

        var normalized = parsed.WithDefaultTag().ToString();
        if (normalized != key)
        {
            throw source.Error(reader, $"{key}: not a normalized reference; write \"{normalized}\"");
        }
    }

    private static ResolvedImage ReadEntry(ref Utf8JsonReader reader, JsonSource source, string key)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw source.Error(reader, $"{key}: expected an object with \"digest\" and \"config\"");
        }

        string? digest = null;
        ImageConfig? config = null;
        var start = reader;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var field = reader.GetString()!;
            reader.Read();
            switch (field)
            {
                case "digest":
                    digest = ReadDigest(ref reader, source, key);
                    break;
                case "config":
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw source.Error(reader, $"{key}: \"config\" must be an object");
                    }

                    config = ImageConfigReader.Read(ref reader, source, ImageConfig.Empty);
                    break;
                default:
                    throw source.Error(reader, $"{key}: unknown field \"{field}\" (expected \"digest\" and \"config\")");
            }
        }

        return new ResolvedImage(digest, config ?? throw source.Error(start, $"{key}: missing \"config\""));
    }

    private static string? ReadDigest(ref Utf8JsonReader reader, JsonSource source, string key)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        var digest = reader.TokenType == JsonTokenType.String ? reader.GetString()! : null;
        if (digest is null || (digest.Length > 0 && !DigestPattern().IsMatch(digest)))
        {
            throw source.Error(reader, $"{key}: \"digest\" must be \"sha256:\" followed by 64 lower-case hex digits (or \"sha512:\" and 128)");
        }

        return digest.Length == 0 ? null : digest;
    }

    [GeneratedRegex("^(sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128})$")]
    private static partial Regex DigestPattern();
}
