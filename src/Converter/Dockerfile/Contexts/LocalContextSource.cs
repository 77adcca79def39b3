using System.Collections.Immutable;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Dockerfile.Contexts;

/// <summary>
/// A <c>local:</c> named context once its <c>.dockerignore</c> is known: what dockerui's <c>asyncLocalOutput</c>
/// keeps until the definition is marshalled, when the paths the readers of the context used are known.
/// </summary>
/// <param name="Key">The option key without <c>context:</c> (<c>name</c> or <c>name::platform</c>).</param>
/// <param name="LocalName">The client directory's name.</param>
/// <param name="SessionId">The session that sends the directory.</param>
/// <param name="Excludes">The patterns of its <c>.dockerignore</c>.</param>
public sealed record LocalContextSource(string Key, string LocalName, string SessionId, ImmutableArray<string> Excludes)
{
    /// <summary>The source op, limited to <paramref name="followPaths"/> when there are any.</summary>
    public LlbState Load(ImmutableArray<string>? followPaths = null) =>
        ContextSources.Local(Key, LocalName, SessionId, Excludes, followPaths);

    /// <summary>The named context: the whole directory, with this description kept for later narrowing.</summary>
    public NamedContext ToNamedContext() => new(Load(), null) { Local = this };
}
