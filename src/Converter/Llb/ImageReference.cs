using System.Text.RegularExpressions;

namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// A docker image reference in normalized form (docker distribution's rules): <c>alpine</c> becomes
/// <c>docker.io/library/alpine:latest</c>; a reference with a digest keeps it.
/// </summary>
public sealed partial record ImageReference(string Domain, string Path, string Tag, string Digest)
{
    private const string DefaultDomain = "docker.io";

    /// <summary>The repository name with domain: <c>docker.io/library/alpine</c>.</summary>
    public string Name => Domain + "/" + Path;

    /// <summary>The full normalized reference: name, <c>:tag</c> when present, <c>@digest</c> when present.</summary>
    public override string ToString() =>
        Name + (Tag.Length > 0 ? ":" + Tag : "") + (Digest.Length > 0 ? "@" + Digest : "");

    /// <summary>The reference with <c>:latest</c> added when it names neither tag nor digest.</summary>
    public ImageReference WithDefaultTag() => Tag.Length == 0 && Digest.Length == 0 ? this with { Tag = "latest" } : this;

    public ImageReference WithDigest(string digest) => this with { Digest = digest };

    /// <summary>Parses and normalizes; returns null with an error message in distribution's words when invalid.</summary>
    /// <param name="text">The reference as written.</param>
    /// <param name="error">distribution's message when invalid.</param>
    /// <param name="lowercaseErrorNamesRepository">
    /// distribution/reference 0.6 (BuildKit v0.24) names the repository in its lower-case error
    /// (<c>repository name (library/Alpine) must be lowercase</c>); v2.8 (BuildKit v0.11) did not.
    /// </param>
    public static ImageReference? TryParseNormalized(string text, out string error, bool lowercaseErrorNamesRepository = true)
    {
        error = "";
        if (text.Length == 0)
        {
            error = "invalid reference format";
            return null;
        }

        if (AnchoredIdentifier().IsMatch(text))
        {
            error = $"invalid repository name ({text}), cannot specify 64-byte hexadecimal strings";
            return null;
        }

        // The repository part (up to the first ':' after the domain) must be lower case, checked before the grammar.
        var (_, remainder) = SplitDomain(text);
        var remote = remainder.IndexOf(':') is var colon and >= 0 ? remainder[..colon] : remainder;
        if (remote.ToLowerInvariant() != remote)
        {
            error = lowercaseErrorNamesRepository
                ? $"invalid reference format: repository name ({remote}) must be lowercase"
                : "invalid reference format: repository name must be lowercase";
            return null;
        }

        var match = ReferencePattern().Match(text);
        if (!match.Success)
        {
            error = text.ToLowerInvariant() != text && ReferencePattern().IsMatch(text.ToLowerInvariant())
                ? "invalid reference format: repository name must be lowercase"
                : "invalid reference format";
            return null;
        }

        var name = match.Groups["name"].Value;
        if (name.Length > 255)
        {
            error = "repository name must not be more than 255 characters";
            return null;
        }

        var (domain, path) = SplitDomain(name);
        if (path.ToLowerInvariant() != path)
        {
            error = "invalid reference format: repository name must be lowercase";
            return null;
        }

        if (match.Groups["digest"].Value is { Length: > 0 } digest && DigestFormat.Validate(digest) is { } digestError)
        {
            error = digestError;
            return null;
        }

        return new ImageReference(domain, path, match.Groups["tag"].Value, match.Groups["digest"].Value);
    }

    private static (string Domain, string Path) SplitDomain(string name)
    {
        var slash = name.IndexOf('/');
        string domain, path;
        if (slash < 0)
        {
            (domain, path) = (DefaultDomain, name);
        }
        else
        {
            var first = name[..slash];
            if (!first.Contains('.') && !first.Contains(':') && first != "localhost" && first.ToLowerInvariant() == first)
            {
                (domain, path) = (DefaultDomain, name);
            }
            else
            {
                (domain, path) = (first, name[(slash + 1)..]);
            }
        }

        if (domain == "index.docker.io")
        {
            domain = DefaultDomain;
        }

        if (domain == DefaultDomain && !path.Contains('/'))
        {
            path = "library/" + path;
        }

        return (domain, path);
    }

    [GeneratedRegex("^[a-f0-9]{64}$")]
    private static partial Regex AnchoredIdentifier();

    // Distribution's reference grammar. Its path separator is "[._]|__|[-]*"; the empty separator adds nothing to
    // the language but makes a backtracking engine exponential on a long run of [a-z0-9] that fails to match
    // (Go's RE2 is linear), so it is written here as "-+".
    [GeneratedRegex(
        @"^(?<name>(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?/)?[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}))?(?:@(?<digest>[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9A-Fa-f]{32,}))?$")]
    private static partial Regex ReferencePattern();
}
