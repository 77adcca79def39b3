using System.Text.Json;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Resolve;

/// <summary>
/// Resolves a base image against its registry the way BuildKit v0.11.6's <c>imageutil.Config</c> does: the
/// reference's manifest (by tag or digest) gives the digest the image is pinned to; an index is narrowed to the
/// best entry for the platform (containerd's <c>platforms.Only</c>; entries without a platform last, and then
/// checked against their config's os/architecture), down to an image manifest, whose config blob is the image
/// config. Everything downloaded by digest is checked against it.
/// </summary>
public sealed class RegistryImageResolver
{
    private const int MaxIndexDepth = 4;

    private readonly RegistryClient _client;

    /// <summary>Resolves through <paramref name="client"/>.</summary>
    public RegistryImageResolver(RegistryClient client) => _client = client;

    /// <summary>Resolves <paramref name="reference"/> (normalized) for <paramref name="platform"/>.</summary>
    /// <exception cref="ResolveException">Anything that goes wrong, naming the image.</exception>
    public async Task<LockedImage> ResolveAsync(ImageReference reference, LlbPlatform platform, CancellationToken cancellationToken = default)
    {
        var key = reference.WithDefaultTag().ToString();
        try
        {
            return await ResolveCoreAsync(reference.WithDefaultTag(), key, platform, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryFailure e)
        {
            throw new ResolveException(key, e.Message, e);
        }
    }

    private async Task<LockedImage> ResolveCoreAsync(ImageReference reference, string key, LlbPlatform platform, CancellationToken cancellationToken)
    {
        var (domain, repository) = (reference.Domain, reference.Path);
        var requested = new RegistryPlatform(platform.OS, platform.Architecture, platform.Variant);
        var matcher = new PlatformMatcher(requested);

        var top = await _client.GetManifestAsync(domain, repository, reference.Digest.Length > 0 ? reference.Digest : reference.Tag, cancellationToken)
            .ConfigureAwait(false);
        var digest = TopDigest(reference, top);
        var document = ManifestDocument.Parse(top.Content, top.ContentType);
        var manifestDigest = digest;
        Descriptor? chosen = null;
        for (var depth = 0; document.IsIndex; depth++)
        {
            if (depth == MaxIndexDepth)
            {
                throw new RegistryFailure($"indexes nested deeper than {MaxIndexDepth} levels");
            }

            chosen = Choose(document, matcher)
                ?? throw new RegistryFailure($"no match for platform {requested} in the index {manifestDigest} (it has {Platforms(document)})");
            var child = await FetchVerifiedAsync(domain, repository, chosen, manifest: true, cancellationToken).ConfigureAwait(false);
            manifestDigest = chosen.Digest;
            document = ManifestDocument.Parse(child.Content, child.ContentType);
        }

        var configDescriptor = document.Config!;
        var config = await FetchVerifiedAsync(domain, repository, configDescriptor, manifest: false, cancellationToken).ConfigureAwait(false);
        var image = ReadConfig(key, config.Content);
        if (chosen is { Platform: null } && !matcher.Match(new RegistryPlatform(image.OS, image.Architecture)))
        {
            throw new RegistryFailure($"no match for platform {requested} in the index {digest}: its only candidate is for {image.OS}/{image.Architecture}");
        }

        return new LockedImage(key, platform, digest, manifestDigest, configDescriptor.Digest, config.Content, image)
        {
            Warning = PlatformWarning(key, requested, image),
        };
    }

    /// <summary>
    /// BuildKit's InvalidBaseImagePlatform lint: an image (a single-platform manifest, which nothing above chose by
    /// platform) whose config is for another OS or architecture is used, with a warning.
    /// </summary>
    private static string? PlatformWarning(string key, RegistryPlatform requested, ImageConfig image)
    {
        var expected = PlatformMatcher.Normalize(requested);
        var actual = PlatformMatcher.Normalize(new RegistryPlatform(image.OS, image.Architecture, image.Variant));
        return expected.OS == actual.OS && expected.Architecture == actual.Architecture
            ? null
            : $"Base image {key} was pulled with platform \"{actual}\", expected \"{expected}\" for current build";
    }

    /// <summary>The digest the reference resolves to: the one it names, else <c>Docker-Content-Digest</c>, else the
    /// sha256 of the manifest, after checking the manifest against it.</summary>
    private static string TopDigest(ImageReference reference, FetchedContent top)
    {
        if (reference.Digest.Length > 0)
        {
            ContentDigest.Verify(reference.Digest, top.Content, "manifest " + reference.Digest);
            return reference.Digest;
        }

        if (top.DockerContentDigest is { Length: > 0 } announced)
        {
            ContentDigest.Verify(announced, top.Content, $"manifest {reference.Tag} (Docker-Content-Digest)");
            return announced;
        }

        return ContentDigest.Sha256(top.Content);
    }

    /// <summary>The best index entry: matching platforms by preference, entries without a platform after them.</summary>
    private static Descriptor? Choose(ManifestDocument index, PlatformMatcher matcher) =>
        index.Manifests
            .Where(d => d.Platform is null || matcher.Match(d.Platform))
            .OrderBy(d => d.Platform is null ? int.MaxValue : matcher.Rank(d.Platform))
            .FirstOrDefault();

    private static string Platforms(ManifestDocument index)
    {
        var platforms = index.Manifests.Select(d => d.Platform?.ToString() ?? "no platform").Distinct().ToList();
        return platforms.Count == 0 ? "no entries" : string.Join(", ", platforms);
    }

    private async Task<FetchedContent> FetchVerifiedAsync(string domain, string repository, Descriptor descriptor, bool manifest, CancellationToken cancellationToken)
    {
        var what = (manifest ? "manifest " : "config blob ") + descriptor.Digest;
        var fetched = manifest
            ? await _client.GetManifestAsync(domain, repository, descriptor.Digest, cancellationToken).ConfigureAwait(false)
            : await _client.GetBlobAsync(domain, repository, descriptor.Digest, RegistryClient.MaxConfigBytes, cancellationToken).ConfigureAwait(false);
        ContentDigest.Verify(descriptor.Digest, fetched.Content, what);
        if (descriptor.Size >= 0 && descriptor.Size != fetched.Content.Length)
        {
            throw new RegistryFailure($"size mismatch for {what}: the descriptor says {descriptor.Size} bytes, the registry sent {fetched.Content.Length}");
        }

        return fetched;
    }

    private static ImageConfig ReadConfig(string key, byte[] content)
    {
        try
        {
            using (var document = JsonDocument.Parse(content))
            {
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    throw new RegistryFailure("the image config is not a JSON object");
                }
            }

            return ImageConfigReader.Parse(content, key + " config");
        }
        catch (JsonException e)
        {
            throw new RegistryFailure("the image config is not valid JSON", e);
        }
        catch (ImageConfigFormatException e)
        {
            throw new RegistryFailure("the image config cannot be read: " + e.Message, e);
        }
    }
}
