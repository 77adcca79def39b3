using System.Collections.Immutable;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Dockerfile.Contexts;

/// <summary>The states builder/build.go's <c>contextByName</c> builds for each kind of named context.</summary>
public static class ContextSources
{
    /// <summary>The file name of the ignore file a local context is read with.</summary>
    public const string Dockerignore = ".dockerignore";

    /// <summary>
    /// <c>docker-image://ref</c>: the image as written (normalized, not pinned), named <c>[context key] ref</c>, for
    /// <paramref name="platform"/>, with its config applied to the state.
    /// </summary>
    public static LlbState Image(string key, string reference, LlbPlatform platform, ImageConfig config, bool platformHasOsVersion = true) =>
        WithImageConfig(
            Sources.Image(reference, new ImageOptions
            {
                Constraints = OpConstraints.None.WithCustomName($"[context {key}] {reference}") with { Platform = platform },
            }),
            config,
            platformHasOsVersion);

    /// <summary>An http(s) URL that is no git repository: the file, named <c>[context key] url</c>.</summary>
    public static LlbState Http(string key, string url) =>
        Sources.Http(url, new HttpOptions { Constraints = OpConstraints.None.WithCustomName($"[context {key}] {url}") });

    /// <summary>The first step of <c>local:name</c>: only its <c>.dockerignore</c>, solved to read the excludes.</summary>
    public static LlbState LocalIgnoreFile(string key, string localName, string sessionId) =>
        Sources.Local(localName, new LocalOptions
        {
            SessionId = sessionId,
            FollowPaths = [Dockerignore],
            SharedKeyHint = $"context:{key}-{Dockerignore}",
            Differ = "none",
            Constraints = OpConstraints.None.WithCustomName($"[context {key}] load {Dockerignore}"),
        });

    /// <summary>
    /// <c>local:name</c>: the directory, without what its <c>.dockerignore</c> excludes, and only
    /// <paramref name="followPaths"/> when given (the paths its readers use).
    /// </summary>
    public static LlbState Local(string key, string localName, string sessionId, IReadOnlyList<string>? excludes, ImmutableArray<string>? followPaths = null) =>
        Sources.Local(localName, new LocalOptions
        {
            SessionId = sessionId,
            SharedKeyHint = "context:" + key,
            ExcludePatterns = excludes is { Count: > 0 } ? [.. excludes] : null,
            FollowPaths = followPaths is { IsDefaultOrEmpty: false } ? followPaths : null,
            Constraints = OpConstraints.None.WithCustomName($"[context {key}] load from client"),
        });

    /// <summary>
    /// LLB's <c>State.WithImageConfig</c>: the config's env added, its working directory set (joined to the
    /// current one when relative), and its platform when it names os and architecture, with the OS version and
    /// features when <paramref name="platformHasOsVersion"/> (v0.24; v0.11 left them out).
    /// </summary>
    public static LlbState WithImageConfig(LlbState state, ImageConfig config, bool platformHasOsVersion = true)
    {
        foreach (var entry in config.Config.Env)
        {
            var equals = entry.IndexOf('=');
            var key = equals < 0 ? entry : entry[..equals];
            if (key.Length > 0)
            {
                state = state.AddEnv(key, equals < 0 ? "" : entry[(equals + 1)..]);
            }
        }

        state = state.WithDir(config.Config.WorkingDir);
        if (config.Architecture.Length == 0 || config.OS.Length == 0)
        {
            return state;
        }

        return state.WithPlatform(platformHasOsVersion
            ? new LlbPlatform(config.OS, config.Architecture, config.Variant, config.OSVersion) { OSFeatures = config.OSFeatures.IsDefaultOrEmpty ? [] : [.. config.OSFeatures] }
            : new LlbPlatform(config.OS, config.Architecture, config.Variant));
    }
}
