using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Dockerfile;

/// <summary>
/// ADD's remote sources and COPY's heredocs as v0.24.0's <c>dispatchCopy</c> writes them, each from
/// <c>dockerfile2llb</c> (read with <c>buildctl debug dump-llb</c>) or its error: the download's <c>http.filename</c>
/// (<c>path.Base</c> of the URL's unescaped path, no dot segments removed, <c>__unnamed__</c> for none or <c>.</c>), the git options a URL's query
/// sets, the checks between <c>--checksum</c>/<c>--keep-git-dir</c> and the URL, and heredoc contents expanded
/// without quote processing (quotes kept, variables inside single quotes expanded).
/// </summary>
public sealed class AddSourceTests
{
    [Theory]
    [InlineData("https://example.com/", "__unnamed__")]
    [InlineData("https://example.com/a/.", "__unnamed__")]
    [InlineData("https://example.com/a%20b", "a b")]
    [InlineData("https://example.com/a/..", "..")]
    [InlineData("https://example.com/a//", "a")]
    [InlineData("https://example.com/%2e", "__unnamed__")]
    [InlineData("https://example.com/a?x=1/b", "a")]
    [InlineData("https://example.com/a#b/c", "a")]
    [InlineData("https://example.com", "__unnamed__")]
    [InlineData("https://example.com/a%2fb", "b")]
    public void ADownloadIsNamedAfterItsPath(string url, string filename) =>
        Assert.Equal(filename, SourceAttrs($"FROM scratch\nADD {url} /x\n")["http.filename"]);

    [Theory]
    [InlineData("submodules=false", "git.skipsubmodules")]
    [InlineData("keep-git-dir=true", "git.keepgitdir")]
    public void AGitQuerySetsItsOption(string query, string attr) =>
        Assert.Equal("true", SourceAttrs($"FROM scratch\nADD \"https://github.com/a/b.git?{query}\" /x\n")[attr]);

    [Theory]
    [InlineData("ADD --checksum=sha256:0000000000000000000000000000000000000000000000000000000000000000 https://a/x https://b/y /x", "checksum can't be specified for multiple sources")]
    [InlineData("ADD --keep-git-dir=true \"https://github.com/a/b.git?keep-git-dir=false\" /x", "inconsistent keep-git-dir configuration")]
    [InlineData("ADD --checksum=abc \"https://github.com/a/b.git?checksum=def\" /x", "checksum mismatch \"abc\" != \"def\"")]
    public void ConflictingOptionsAreErrors(string instruction, string message) =>
        Assert.Equal(message, Assert.Throws<ConvertException>(() => TestConversion.Convert($"FROM scratch\n{instruction}\n")).Message);

    [Fact]
    public void AHeredocKeepsItsQuotes()
    {
        var ops = TestConversion.Convert("FROM scratch\nCOPY <<EOF /x\n'$HOME' \"$HOME\"\nEOF\n").Definition.Ops;
        var mkfile = ops.Where(o => o.Op.OpCase == Pb.Op.OpOneofCase.File).SelectMany(o => o.Op.File.Actions)
            .Single(a => a.ActionCase == Pb.FileAction.ActionOneofCase.Mkfile).Mkfile;
        Assert.Equal("'' \"\"\n", mkfile.Data.ToStringUtf8());
    }

    private static IDictionary<string, string> SourceAttrs(string dockerfile) =>
        TestConversion.Convert(dockerfile).Definition.Ops
            .Single(o => o.Op.OpCase == Pb.Op.OpOneofCase.Source && !o.Op.Source.Identifier.StartsWith("local://", StringComparison.Ordinal))
            .Op.Source.Attrs;
}
