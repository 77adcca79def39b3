using System.Text.RegularExpressions;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>A git source of ADD: <c>remote[#commit[:subdir]]</c> (BuildKit's ParseGitRef).</summary>
internal sealed partial record GitSource(string Remote, string Commit, string SubDir)
{
    /// <summary>The git reference in <paramref name="source"/>, or null when it is not one (or could be a local path).</summary>
    public static GitSource? TryParse(string source)
    {
        if (source.StartsWith("github.com/", StringComparison.Ordinal))
        {
            return null;
        }

        var (_, protocol) = GitProtocol.Parse(source);
        if (protocol == GitProtocol.Kind.Unknown)
        {
            return null;
        }

        if (protocol is GitProtocol.Kind.Http or GitProtocol.Kind.Https && !GitPathSuffix().IsMatch(source))
        {
            return null;
        }

        var hash = source.IndexOf('#');
        var remote = hash < 0 ? source : source[..hash];
        var fragment = hash < 0 ? "" : source[(hash + 1)..];
        if (remote.Length == 0)
        {
            return null;
        }

        var colon = fragment.IndexOf(':');
        return colon < 0 ? new GitSource(remote, fragment, "") : new GitSource(remote, fragment[..colon], fragment[(colon + 1)..]);
    }

    [GeneratedRegex(@"\.git(?:#.+)?$")]
    private static partial Regex GitPathSuffix();
}
