using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Dockerfile.Contexts;

/// <summary>
/// Named build contexts (BuildKit's <c>ContextByName</c>): a stage name, a base image named by <c>FROM</c> or an
/// image named by <c>COPY --from</c> / <c>RUN --mount from=</c> may be replaced by a state the build is given.
/// </summary>
public interface INamedContextResolver
{
    /// <summary>
    /// Whether a context is given for the request, without loading it (dockerui's <c>Client.NamedContext</c>, asked
    /// for every stage name when the stages are registered; only reachable stages load theirs).
    /// </summary>
    /// <exception cref="ConvertException">The name is no valid image reference.</exception>
    bool Contains(NamedContextRequest request);

    /// <summary>The context for the request, loaded, or null when none is given for that name.</summary>
    /// <param name="request">The name as the converter asks for it, the resolve mode and the platform.</param>
    /// <param name="cancellationToken">Cancels.</param>
    ValueTask<NamedContext?> ResolveAsync(NamedContextRequest request, CancellationToken cancellationToken = default);
}

/// <summary>One lookup of a named context.</summary>
/// <param name="Name">
/// A stage name (lower case) as written after <c>AS</c>, or a base image name normalized with a default tag
/// (<c>docker.io/library/alpine:latest</c>).
/// </param>
/// <param name="ResolveMode">The image resolve mode: <c>default</c>, <c>pull</c> or <c>local</c>.</param>
/// <param name="Platform">The platform asked for; null when neither the stage nor the build names one.</param>
public sealed record NamedContextRequest(string Name, string ResolveMode, LlbPlatform? Platform);

/// <summary>A named context: the state standing for the name and, when it is an image, its config.</summary>
/// <param name="State">The state (scratch for <c>docker-image://scratch</c>).</param>
/// <param name="Image">The image config, or null when the context has none.</param>
public sealed record NamedContext(LlbState State, ImageConfig? Image)
{
    /// <summary>
    /// For a <c>local:</c> context, the directory, which the converter narrows to the paths the context's readers
    /// use (<see cref="State"/> is then the whole directory); null otherwise.
    /// </summary>
    public LocalContextSource? Local { get; init; }
}
