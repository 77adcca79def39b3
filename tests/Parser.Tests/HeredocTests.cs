using CSharpFrontend.Parser.Syntax;

namespace CSharpFrontend.Parser.Tests;

public sealed class HeredocTests
{
    private const string Doc = """

        FROM alpine:3.6

        ENV NAME=me

        RUN ls

        USER <<INVALID
        INVALID

        RUN <<EMPTY
        EMPTY

        RUN 3<<EMPTY2
        EMPTY2

        RUN "<<NOHEREDOC"

        RUN <<INDENT
        	foo
        	bar
        INDENT

        RUN <<-UNINDENT
        	baz
        	quux
        UNINDENT

        RUN <<-UNINDENT2
        	baz
        	quux
        	UNINDENT2

        RUN <<-'NOEXPAND'
        	don't expand $NAME
        NOEXPAND

        RUN <<COMMENT
        # internal comment
        echo foo bar # trailing comment
        COMMENT

        RUN --mount=type=cache,target=/foo <<MOUNT
        echo hello
        MOUNT

        COPY <<FILE1 <<FILE2 /dest
        content 1
        FILE1
        content 2
        FILE2

        COPY <<X <<Y /dest
        Y
        X
        X
        Y

        RUN <<eo'f'
        echo foo
        eof

        RUN <<eo\'f
        echo foo
        eo'f

        RUN <<'e'o\'f
        echo foo
        eo'f

        RUN <<'one two'
        echo bar
        one two

        RUN <<$EOF
        $EOF

        RUN <<  EOF
        EOF

        RUN <<  EOF  > foo
        EOF

        """;

    [Fact]
    public void ExtractsHeredocsLikeBuildKit()
    {
        var r = DockerfileParser.Parse(Doc, new ParseOptions { BuildInstructions = false });
        Assert.True(r.Syntax is not null, string.Join("\n", r.Diagnostics));
        var nodes = r.Syntax!.Nodes;
        Heredoc H(string name, string content, bool expand = true, bool chomp = false, ulong fd = 0) => new(name, fd, expand, chomp, content);
        var expected = new Heredoc[][]
        {
            [], // FROM
            [], // ENV
            [], // RUN ls
            [], // USER <<INVALID
            [], // INVALID (unknown instruction)
            [H("EMPTY", "")],
            [H("EMPTY2", "", fd: 3)],
            [],
            [H("INDENT", "\tfoo\n\tbar\n")],
            [H("UNINDENT", "\tbaz\n\tquux\n", chomp: true)],
            [H("UNINDENT2", "\tbaz\n\tquux\n", chomp: true)],
            [H("NOEXPAND", "\tdon't expand $NAME\n", expand: false, chomp: true)],
            [H("COMMENT", "# internal comment\necho foo bar # trailing comment\n")],
            [H("MOUNT", "echo hello\n")],
            [H("FILE1", "content 1\n"), H("FILE2", "content 2\n")],
            [H("X", "Y\n"), H("Y", "X\n")],
            [H("eof", "echo foo\n", expand: false)],
            [H("eo'f", "echo foo\n")],
            [H("eo'f", "echo foo\n", expand: false)],
            [H("one two", "echo bar\n", expand: false)],
            [H("$EOF", "")],
            [H("EOF", "")],
            [H("EOF", "")],
        };
        Assert.Equal(expected.Length, nodes.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], nodes[i].Heredocs.ToArray());
        }
    }

    [Fact]
    public void JsonFormHasNoHeredocs()
    {
        var r = DockerfileParser.Parse("FROM a\nRUN [\"<<EOF\"]\nRUN [\"<<'EOF'\"]\n");
        Assert.All(r.Syntax!.Nodes, n => Assert.Empty(n.Heredocs));
    }

    [Theory]
    [InlineData("<<EOF")]
    [InlineData("<<'EOF'")]
    [InlineData("<<\"EOF\"")]
    [InlineData("<<-EOF")]
    [InlineData("<<-'EOF'")]
    [InlineData("<<-\"EOF\"")]
    [InlineData("<<EO\"F\"")]
    [InlineData("<< EOF")]
    [InlineData("<<- EOF")]
    public void ValidHeredocWords(string word) =>
        Assert.Equal("EOF", SyntaxParser.ParseHeredoc(word, default)!.Name);

    [Theory]
    [InlineData("")]
    [InlineData("EOF")]
    [InlineData("<<")]
    [InlineData("<<-")]
    [InlineData("<EOF")]
    [InlineData("<<<EOF")]
    [InlineData("<<EOF sh")]
    public void NotHeredocWords(string word) => Assert.Null(SyntaxParser.ParseHeredoc(word, default));

    [Theory]
    [InlineData("<<'EOF")]
    [InlineData("<<\"EOF")]
    [InlineData("<<EOF'")]
    [InlineData("<<EOF\"")]
    public void InvalidHeredocWords(string word) =>
        Assert.Throws<ParseException>(() => SyntaxParser.ParseHeredoc(word, default));

    [Fact]
    public void UnterminatedHeredocIsAnError()
    {
        var e = TestUtil.Error("FROM a\nRUN <<EOF\necho hi\n");
        Assert.Equal("unterminated heredoc", e.Message);
        Assert.Equal(DiagnosticLayer.Syntax, e.Layer);
    }

    [Fact]
    public void OnbuildRunHeredocAndExpression()
    {
        var ob = TestUtil.Single<OnbuildInstruction>("ONBUILD RUN <<EOF\necho hi\nEOF\n");
        Assert.Equal("RUN <<EOF\necho hi\nEOF", ob.Expression);
        Assert.Single(DockerfileParser.Parse("ONBUILD RUN <<EOF\necho hi\nEOF\n").Syntax!.Nodes[0].Heredocs);
    }

    [Fact]
    public void CopyHeredocSourcesAreChompedAndLookedUp()
    {
        var c = TestUtil.Single<CopyInstruction>("COPY <<-A <<'B' /dest\n\tx\n\t\ty\nA\n$b\nB\n");
        Assert.Equal("/dest", c.SourcesAndDest.DestPath);
        Assert.Empty(c.SourcesAndDest.SourcePaths);
        Assert.Equal([new SourceContent("A", "x\ny\n", true), new SourceContent("B", "$b\n", false)], c.SourcesAndDest.SourceContents.ToArray());
    }

    [Fact]
    public void HeredocDestinationIsRejected()
    {
        var e = TestUtil.Error("FROM a\nCOPY foo <<EOF\nx\nEOF\n");
        Assert.Equal("COPY cannot accept a heredoc as a destination", e.Message);
    }

    [Fact]
    public void RunFilesKeepRawContent()
    {
        var run = TestUtil.Single<RunInstruction>("RUN <<-EOF bash\n\techo hi\nEOF\n");
        Assert.Equal([new ShellInlineFile("EOF", "\techo hi\n", true)], run.Files.ToArray());
        Assert.Equal(["<<-EOF bash"], run.CmdLine.ToArray());
        Assert.True(run.PrependShell);
    }

    [Fact]
    public void CrlfHeredocKeepsLineEndingsAndMatchesTerminator()
    {
        var run = TestUtil.Single<RunInstruction>("FROM a\r\nRUN <<EOF\r\necho hi\r\nEOF\r\n");
        Assert.Equal("echo hi\r\n", run.Files[0].Data);
    }
}
