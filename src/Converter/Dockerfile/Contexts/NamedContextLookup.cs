using System.Collections.Immutable;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Profiles;

namespace CSharpFrontend.Converter.Dockerfile.Contexts;

/// <summary>
/// Named contexts from <c>context:&lt;name&gt;[::&lt;platform&gt;]</c> options, as builder/build.go's
/// <c>contextByNameFunc</c> and <c>contextByName</c>: the name is looked up in its familiar form, with the
/// platform first; images get their config from <paramref name="images"/>; git and http URLs become sources;
/// client directories and inputs come from <paramref name="loader"/>.
/// </summary>
/// <param name="contexts">The options, keyed without the <c>context:</c> prefix.</param>
/// <param name="defaultPlatform">The platform used when a request has none (upstream: the frontend's own).</param>
/// <param name="images">Image configs for <c>docker-image://</c> contexts.</param>
/// <param name="loader">Local and input contexts.</param>
/// <param name="profile">The release whose git and image contexts to build (v0.24 when null).</param>
public sealed class NamedContextLookup(
    ImmutableDictionary<string, string> contexts,
    LlbPlatform defaultPlatform,
    IImageMetadataResolver images,
    INamedContextLoader loader,
    BuildKitProfile? profile = null) : INamedContextResolver
{
    private readonly BuildKitProfile _profile = profile ?? BuildKitProfile.V0_24;

    /// <summary>The option prefix of named contexts.</summary>
    public const string OptionPrefix = "context:";

    /// <summary>The named contexts among frontend options.</summary>
    public static ImmutableDictionary<string, string> FromOptions(IEnumerable<KeyValuePair<string, string>> options) =>
        options.Where(o => o.Key.StartsWith(OptionPrefix, StringComparison.Ordinal))
            .ToImmutableDictionary(o => o.Key[OptionPrefix.Length..], o => o.Value, StringComparer.Ordinal);

    /// <inheritdoc/>
    public bool Contains(NamedContextRequest request) => Find(request) is not null;

    /// <inheritdoc/>
    public async ValueTask<NamedContext?> ResolveAsync(NamedContextRequest request, CancellationToken cancellationToken = default)
    {
        var platform = request.Platform ?? defaultPlatform;
        return Find(request) is { } key
            ? await LoadAsync(key, ContextSpec.Parse(contexts[key], key, _profile.GitUrlQueries), platform, request.ResolveMode, cancellationToken).ConfigureAwait(false)
            : null;
    }

    /// <summary>The option key the request is answered by (with the platform first), or null.</summary>
    private string? Find(NamedContextRequest request)
    {
        var name = ContextNames.Familiar(request.Name);
        return ContextNames.Keys(name, request.Platform ?? defaultPlatform).FirstOrDefault(contexts.ContainsKey);
    }

    private async ValueTask<NamedContext> LoadAsync(string key, ContextSpec spec, LlbPlatform platform, string resolveMode, CancellationToken cancellationToken)
    {
        switch (spec.Kind)
        {
            case ContextKind.DockerImage:
                return await ImageAsync(key, spec.Rest, platform, resolveMode, cancellationToken).ConfigureAwait(false);
            case ContextKind.Git:
                return new NamedContext(GitContext.TryParse(spec.Value, _profile.NamedGitContextsKeepGitDir, _profile.GitUrlQueries) ?? throw new ConvertException($"invalid git context {spec.Value}"), null);
            case ContextKind.Http:
                return new NamedContext(ContextSources.Http(key, spec.Value), null);
            case ContextKind.Local:
                return await loader.LocalAsync(key, spec.Rest, cancellationToken).ConfigureAwait(false);
            case ContextKind.Input:
                return await loader.InputAsync(key, spec.Rest, cancellationToken).ConfigureAwait(false);
            default:
                throw new ConvertException($"oci-layout contexts are not supported by csharp-frontend ({spec.Value} for {key})");
        }
    }

    private async ValueTask<NamedContext> ImageAsync(string key, string reference, LlbPlatform platform, string resolveMode, CancellationToken cancellationToken)
    {
        if (reference == "scratch")
        {
            return new NamedContext(LlbState.Scratch, null);
        }

        var parsed = ImageReference.TryParseNormalized(reference, out var error) ?? throw new ConvertException(error);
        var resolved = await images.ResolveAsync(
            parsed.WithDefaultTag(),
            platform,
            new ImageResolveOptions(resolveMode, $"[context {key}] load metadata for {reference}"),
            cancellationToken).ConfigureAwait(false);
        var config = resolved.Config with { Created = null };
        return new NamedContext(ContextSources.Image(key, reference, platform, config, _profile.ContextImagePlatformHasOsVersion), config);
    }
}
