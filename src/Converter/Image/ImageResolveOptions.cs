namespace CSharpFrontend.Converter.Image;

/// <summary>
/// How a base image is to be resolved, as BuildKit's <c>ResolveImageConfig</c> request carries it; resolvers that
/// answer locally ignore it.
/// </summary>
/// <param name="ResolveMode">The image resolve mode: <c>default</c>, <c>pull</c> or <c>local</c>.</param>
/// <param name="LogName">The progress name of the lookup, e.g. <c>[internal] load metadata for docker.io/library/alpine:latest</c>.</param>
public sealed record ImageResolveOptions(string ResolveMode = "default", string? LogName = null)
{
    /// <summary>Default mode, no progress name.</summary>
    public static ImageResolveOptions Default { get; } = new();
}
