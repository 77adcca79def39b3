using System.Text.RegularExpressions;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// A git source of ADD: <c>remote[#ref[:subdir]]</c>, and with <c>withQuery</c> (BuildKit v0.24's dfgitutil) also
/// <c>remote?ref=…&amp;tag=…&amp;branch=…&amp;subdir=…&amp;checksum=…&amp;keep-git-dir&amp;submodules=…</c>.
/// </summary>
/// <param name="Remote">The repository URL without fragment and query.</param>
/// <param name="Commit">The ref (commit, tag or branch) to check out; empty for the default branch.</param>
/// <param name="SubDir">The directory of the repository to use; empty for all of it.</param>
internal sealed partial record GitSource(string Remote, string Commit, string SubDir)
{
    /// <summary>The commit the checkout must be (<c>checksum=</c>/<c>commit=</c>); empty for none.</summary>
    public string Checksum { get; init; } = "";

    /// <summary><c>keep-git-dir</c> from the query; null when not given.</summary>
    public bool? KeepGitDir { get; init; }

    /// <summary><c>submodules</c> from the query; null when not given.</summary>
    public bool? Submodules { get; init; }

    /// <summary>
    /// The git reference in <paramref name="source"/>, or null when it is not one (or could be a local path). A
    /// malformed query (<paramref name="withQuery"/>) throws <see cref="ConvertException"/> with upstream's text.
    /// </summary>
    public static GitSource? TryParse(string source, bool withQuery = false)
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

        var hash = source.IndexOf('#');
        var remote = hash < 0 ? source : source[..hash];
        var fragment = hash < 0 ? "" : source[(hash + 1)..];
        var query = "";
        if (withQuery && remote.IndexOf('?') is var mark and >= 0)
        {
            query = remote[(mark + 1)..];
            remote = remote[..mark];

            // An scp-style URL whose query url.ParseQuery refuses is no git URL at all (sshutil.ParseSCPStyleURL).
            if (!source.Contains("://", StringComparison.Ordinal) && !QueryParses(query))
            {
                return null;
            }
        }

        if (protocol is GitProtocol.Kind.Http or GitProtocol.Kind.Https && !GitPathSuffix().IsMatch(remote))
        {
            return null;
        }

        if (remote.Length == 0)
        {
            return null;
        }

        var colon = fragment.IndexOf(':');
        var git = colon < 0 ? new GitSource(remote, fragment, "") : new GitSource(remote, fragment[..colon], fragment[(colon + 1)..]);
        return query.Length == 0 ? git : git.WithQuery(query);
    }

    private GitSource WithQuery(string rawQuery)
    {
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var pair in rawQuery.Split('&'))
        {
            if (pair.Length == 0 || pair.Contains(';'))
            {
                continue;
            }

            var eq = pair.IndexOf('=');
            var key = Unescape(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Unescape(pair[(eq + 1)..]);
            if (key is null || value is null)
            {
                continue;
            }

            if (!values.TryGetValue(key, out var list))
            {
                values[key] = list = [];
            }

            list.Add(value);
        }

        var result = this;
        string tag = "", branch = "";
        foreach (var (key, list) in values.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (list.Count > 1)
            {
                throw new ConvertException($"query \"{key}\" has multiple values");
            }

            var value = list[0];
            if (value.Length == 0 && key is not ("submodules" or "keep-git-dir"))
            {
                throw new ConvertException($"query \"{key}\" has no value");
            }

            switch (key)
            {
                case "ref":
                    result = result with { Commit = Agree(result.Commit, value, "ref") };
                    break;
                case "tag":
                    tag = value;
                    break;
                case "branch":
                    branch = value;
                    break;
                case "subdir":
                    result = result with { SubDir = Agree(result.SubDir, value, "subdir") };
                    break;
                case "checksum" or "commit":
                    result = result with { Checksum = value };
                    break;
                case "keep-git-dir":
                    result = result with { KeepGitDir = Flag(value, "keep-git-dir") };
                    break;
                case "submodules":
                    result = result with { Submodules = Flag(value, "submodules") };
                    break;
                default:
                    throw new ConvertException($"unexpected query \"{key}\"");
            }
        }

        if (tag.Length > 0)
        {
            tag = tag.StartsWith("refs/tags/", StringComparison.Ordinal) ? tag : "refs/tags/" + tag;
            result = result with { Commit = Agree(result.Commit, tag, "ref") };
        }

        if (branch.Length > 0)
        {
            if (tag.Length > 0)
            {
                throw new ConvertException("branch conflicts with tag");
            }

            branch = branch.StartsWith("refs/heads/", StringComparison.Ordinal) ? branch : "refs/heads/" + branch;
            result = result with { Commit = Agree(result.Commit, branch, "ref") };
        }

        return result;
    }

    private static string Agree(string current, string value, string what) =>
        current.Length == 0 || current == value ? value : throw new ConvertException($"{what} conflicts: \"{current}\" vs \"{value}\"");

    private static bool Flag(string value, string what) =>
        value.Length == 0 || (Parser.RunMount.ParseBool(value) ?? throw new ConvertException($"invalid {what} value: \"{value}\""));

    /// <summary>Whether Go's <c>url.ParseQuery</c> takes <paramref name="rawQuery"/> without an error (no <c>;</c>, every escape whole).</summary>
    private static bool QueryParses(string rawQuery) =>
        rawQuery.Split('&').Where(p => p.Length > 0).All(p => !p.Contains(';') && p.Split('=', 2).All(part => Unescape(part) is not null));

    /// <summary>Go's <c>url.QueryUnescape</c>: <c>+</c> is a space, <c>%XX</c> a byte; null when malformed.</summary>
    private static string? Unescape(string text)
    {
        if (!text.Contains('%') && !text.Contains('+'))
        {
            return text;
        }

        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '+')
            {
                bytes.Add((byte)' ');
            }
            else if (c == '%')
            {
                if (i + 2 >= text.Length || !Uri.IsHexDigit(text[i + 1]) || !Uri.IsHexDigit(text[i + 2]))
                {
                    return null;
                }

                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(System.Text.Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return System.Text.Encoding.UTF8.GetString([.. bytes]);
    }

    [GeneratedRegex(@"\.git(?:#.+)?$")]
    private static partial Regex GitPathSuffix();
}
