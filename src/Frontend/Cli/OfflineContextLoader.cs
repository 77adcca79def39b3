using System.Collections.Immutable;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Contexts;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// Local named contexts for offline translation: the <c>.dockerignore</c> of a directory given on the command line
/// (what the daemon would read from the same directory) gives the excludes; a <c>local:NAME</c> without a directory
/// has none. Frontend inputs do not exist offline.
/// </summary>
/// <param name="directories">Directories by local name.</param>
internal sealed class OfflineContextLoader(ImmutableDictionary<string, string> directories) : INamedContextLoader
{
    public ValueTask<NamedContext> LocalAsync(string key, string localName, CancellationToken cancellationToken)
    {
        var excludes = directories.TryGetValue(localName, out var directory) ? ContextExcludes.OfDirectory(directory) ?? [] : [];
        return ValueTask.FromResult(new LocalContextSource(key, localName, "", excludes).ToNamedContext());
    }

    public ValueTask<NamedContext> InputAsync(string key, string inputName, CancellationToken cancellationToken) =>
        throw new ConvertException($"named context {key}: frontend inputs (input:{inputName}) exist only in a build");
}
