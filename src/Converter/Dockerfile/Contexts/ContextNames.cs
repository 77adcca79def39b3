using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Dockerfile.Contexts;

/// <summary>
/// The option keys a named context is looked up under (builder/build.go's <c>contextByNameFunc</c>): the name in
/// its familiar form without <c>:latest</c>, first with <c>::os/arch[/variant]</c>, then without.
/// </summary>
public static class ContextNames
{
    /// <summary>The familiar form of <paramref name="name"/>: <c>docker.io/library/alpine:latest</c> → <c>alpine</c>.</summary>
    /// <exception cref="ConvertException">The name is no valid image reference.</exception>
    public static string Familiar(string name)
    {
        var reference = ImageReference.TryParseNormalized(name, out var error)
            ?? throw new ConvertException($"invalid context name {name}: {error}");
        var path = reference.Path;
        if (reference.Domain == "docker.io" && path.StartsWith("library/", StringComparison.Ordinal) && !path["library/".Length..].Contains('/'))
        {
            path = path["library/".Length..];
        }

        var familiar = (reference.Domain == "docker.io" ? path : reference.Domain + "/" + path)
            + (reference.Tag.Length > 0 ? ":" + reference.Tag : "")
            + (reference.Digest.Length > 0 ? "@" + reference.Digest : "");
        return familiar.EndsWith(":latest", StringComparison.Ordinal) ? familiar[..^":latest".Length] : familiar;
    }

    /// <summary>
    /// The keys to try, in order: <c>name::platform</c> (dockerui's <c>FormatAll(Normalize(platform))</c>, an OS version
    /// included), then <c>name</c>.
    /// </summary>
    /// <param name="familiarName">The name from <see cref="Familiar"/>.</param>
    /// <param name="platform">The platform asked for; the frontend's own platform is used when null.</param>
    public static IReadOnlyList<string> Keys(string familiarName, LlbPlatform platform) =>
        [familiarName + "::" + platform.Normalize().FormatAll(), familiarName];
}
