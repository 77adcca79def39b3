using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// ADD of a git URL as v0.24.0 reads it (dfgitutil with queries): the fragment <c>#ref:subdir</c>, the queries
/// <c>ref</c>, <c>tag</c> (<c>refs/tags/</c>), <c>branch</c> (<c>refs/heads/</c>), <c>subdir</c>, <c>keep-git-dir</c>,
/// <c>submodules</c>, each once and with a value, agreeing with the fragment, unescaped as <c>url.ParseQuery</c> does
/// (a pair it cannot unescape is dropped). The git source's identifier and attributes (the auth secret names
/// aside), or the error (written <c>!message</c>); each row from <c>dockerfile2llb</c> with <c>FROM scratch</c> +
/// <c>ADD url /x</c>; <c>~</c>: no git source (an scp-style URL whose query <c>url.ParseQuery</c> refuses is a local path).
/// </summary>
public sealed class GitUrlTests
{
    [Theory]
    [InlineData("https://github.com/a/b.git#v1", "git://github.com/a/b.git#v1 git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git#v1:sub", "git://github.com/a/b.git#v1:sub git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git#:sub", "git://github.com/a/b.git#:sub git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?ref=v1", "git://github.com/a/b.git#v1 git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?ref=v1&subdir=x", "git://github.com/a/b.git#v1:x git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?tag=v1", "git://github.com/a/b.git#refs/tags/v1 git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?branch=main", "git://github.com/a/b.git#refs/heads/main git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?tag=v1&branch=main", "!branch conflicts with tag")]
    [InlineData("https://github.com/a/b.git?ref=v1&ref=v2", "!query \"ref\" has multiple values")]
    [InlineData("https://github.com/a/b.git?ref=", "!query \"ref\" has no value")]
    [InlineData("https://github.com/a/b.git?keep-git-dir=", "git://github.com/a/b.git git.fullurl=https://github.com/a/b.git,git.keepgitdir=true")]
    [InlineData("https://github.com/a/b.git?submodules=false", "git://github.com/a/b.git git.fullurl=https://github.com/a/b.git,git.skipsubmodules=true")]
    [InlineData("https://github.com/a/b.git?submodules=maybe", "!invalid submodules value: \"maybe\"")]
    [InlineData("https://github.com/a/b.git?bogus=1", "!unexpected query \"bogus\"")]
    [InlineData("https://github.com/a/b.git?ref=v1#v2", "!ref conflicts: \"v2\" vs \"v1\"")]
    [InlineData("https://github.com/a/b.git?ref=v1#v1", "git://github.com/a/b.git#v1 git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?ref=a%2Fb", "git://github.com/a/b.git#a/b git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?ref=a+b", "git://github.com/a/b.git#a b git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?ref=%zz", "git://github.com/a/b.git git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?tag=refs/tags/v1", "git://github.com/a/b.git#refs/tags/v1 git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?branch=refs/heads/x", "git://github.com/a/b.git#refs/heads/x git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?;=1", "git://github.com/a/b.git git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?&&ref=v1", "git://github.com/a/b.git#v1 git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?subdir=a&subdir=a", "!query \"subdir\" has multiple values")]
    [InlineData("git@github.com:a/b.git?ref=v1", "git://github.com/a/b.git#v1 git.fullurl=git@github.com:a/b.git,git.mountsshsock=default")]
    [InlineData("https://github.com/a/b.git?subdir=x#v1:y", "!subdir conflicts: \"y\" vs \"x\"")]
    [InlineData("https://github.com/a/b.git?ref=v1&ref=v1", "!query \"ref\" has multiple values")]
    [InlineData("https://github.com/a/b.git?ref", "!query \"ref\" has no value")]
    [InlineData("https://github.com/a/b.git?keep-git-dir=false", "git://github.com/a/b.git git.fullurl=https://github.com/a/b.git")]
    [InlineData("https://github.com/a/b.git?keep-git-dir=1", "git://github.com/a/b.git git.fullurl=https://github.com/a/b.git,git.keepgitdir=true")]
    [InlineData("https://github.com/a/b.git?tag=v1&ref=refs/tags/v1", "git://github.com/a/b.git#refs/tags/v1 git.fullurl=https://github.com/a/b.git")]
    [InlineData("git@github.com:a/b.git?ref=v1#v1:sub", "git://github.com/a/b.git#v1:sub git.fullurl=git@github.com:a/b.git,git.mountsshsock=default")]
    [InlineData("git@github.com:a/b.git?subdir=s", "git://github.com/a/b.git#:s git.fullurl=git@github.com:a/b.git,git.mountsshsock=default")]
    [InlineData("git@github.com:a/b.git?ref=%zz", "~")]
    [InlineData("git@github.com:a/b.git?x;y=1", "~")]
    public void AGitUrl(string url, string expected) =>
        TestConversion.AssertRow($"FROM scratch\nADD {url} /x\n", expected, GitSource);

    /// <summary>The git source's identifier and attributes but the auth secret names; <c>~</c> without one.</summary>
    private static string GitSource(ConvertResult result)
    {
        var op = result.Definition.Ops.SingleOrDefault(o => o.Op.Source?.Identifier.StartsWith("git://", StringComparison.Ordinal) == true);
        if (op is null)
        {
            return "~";
        }

        var attrs = op.Op.Source.Attrs.Where(a => a.Key is not ("git.authheadersecret" or "git.authtokensecret"))
            .OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => a.Key + "=" + a.Value);
        return op.Op.Source.Identifier + " " + string.Join(',', attrs);
    }
}
