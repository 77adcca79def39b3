using System.Text.RegularExpressions;

namespace CSharpFrontend.Converter.Llb;

/// <summary>Recognizes the transport of a git remote and strips its scheme (and, for ssh, the user).</summary>
public static partial class GitProtocol
{
    public enum Kind
    {
        Http = 1,
        Https,
        Ssh,
        Git,
        Unknown,
    }

    public static (string Remote, Kind Protocol) Parse(string remote)
    {
        var protocol = Kind.Unknown;
        foreach (var (prefix, kind) in new[] { ("http://", Kind.Http), ("https://", Kind.Https), ("git://", Kind.Git), ("ssh://", Kind.Ssh) })
        {
            if (remote.StartsWith(prefix, StringComparison.Ordinal))
            {
                remote = remote[prefix.Length..];
                protocol = kind;
            }
        }

        if (protocol == Kind.Unknown && ImplicitSsh().IsMatch(remote))
        {
            protocol = Kind.Ssh;
        }

        if (protocol == Kind.Ssh && remote.IndexOf('@') is var at and >= 0)
        {
            remote = remote[(at + 1)..];
        }

        return (remote, protocol);
    }

    /// <summary><c>user@host:path</c>, scp-like syntax.</summary>
    [GeneratedRegex("^[a-zA-Z0-9-_]+@[a-zA-Z0-9-.]+:.*$")]
    private static partial Regex ImplicitSsh();
}
