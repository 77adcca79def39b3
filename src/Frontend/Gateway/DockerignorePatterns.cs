using System.Collections.Immutable;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// The build context's exclude patterns, read at most once and only when first asked for, as BuildKit's
/// <c>DockerIgnorePatterns</c>: the converter asks after the base-image lookups, so <c>[internal] load .dockerignore</c>
/// follows them in the user's progress as with the builtin frontend. A <c>Dockerfile.dockerignore</c> read with the
/// Dockerfile is known from the start.
/// </summary>
public sealed class DockerignorePatterns
{
    private readonly Func<CancellationToken, Task<byte[]?>>? _read;
    private readonly object _gate = new();
    private Task<ImmutableArray<string>?>? _patterns;

    private DockerignorePatterns(Func<CancellationToken, Task<byte[]?>>? read, Task<ImmutableArray<string>?>? patterns) =>
        (_read, _patterns) = (read, patterns);

    /// <summary>Patterns already read (or none: null content).</summary>
    public static DockerignorePatterns Known(byte[]? content) =>
        new(null, Task.FromResult(content is null ? (ImmutableArray<string>?)null : DockerignoreReader.Read(content)));

    /// <summary>Patterns that <paramref name="read"/> fetches (null content: there is no .dockerignore) when first asked for.</summary>
    public static DockerignorePatterns Deferred(Func<CancellationToken, Task<byte[]?>> read) => new(read, null);

    /// <summary>The patterns; null when there is no .dockerignore.</summary>
    public Task<ImmutableArray<string>?> GetAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _patterns ??= ReadAsync(cancellationToken);
        }
    }

    private async Task<ImmutableArray<string>?> ReadAsync(CancellationToken cancellationToken) =>
        await _read!(cancellationToken).ConfigureAwait(false) is { } content ? DockerignoreReader.Read(content) : null;
}
