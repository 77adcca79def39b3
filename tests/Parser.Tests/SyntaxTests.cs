using System.Text;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Parser.Tests;

public sealed class SyntaxTests
{
    [Theory]
    [InlineData("# escape=`\nFROM a\nRUN echo `\n hi\n", "(from \"a\")\n(run \"echo  hi\")\n")]
    [InlineData("# ESCAPE = ` \nFROM a\nRUN echo `\n hi\n", "(from \"a\")\n(run \"echo  hi\")\n")]
    [InlineData("#escape=`\nFROM a\nRUN echo \\\n", "(from \"a\")\n(run \"echo \\\\\")\n")]
    [InlineData("FROM a\n# escape=`\nRUN echo `\n", "(from \"a\")\n(run \"echo `\")\n")]
    [InlineData("\n# escape=`\nFROM a\nRUN echo `\n", "(from \"a\")\n(run \"echo `\")\n")]
    [InlineData("# hello\n# escape=`\nFROM a\nRUN echo `\n", "(from \"a\")\n(run \"echo `\")\n")]
    [InlineData("# syntax=docker/dockerfile:1\n# escape=`\n# check=skip=all\nFROM a\nRUN echo `\n  b\n", "(from \"a\")\n(run \"echo   b\")\n")]
    public void Directives(string text, string dump) => Assert.Equal(dump, TestUtil.Dump(text));

    [Fact]
    public void DirectivesAreRecorded()
    {
        var r = TestUtil.Parse("# syntax = docker/dockerfile:1.7 \n# check=skip=all\n#escape=`\nFROM a\n");
        Assert.Equal(
            [("syntax", "docker/dockerfile:1.7", 1), ("check", "skip=all", 2), ("escape", "`", 3)],
            r.Syntax!.Directives.Select(d => (d.Name, d.Value, d.Range.StartLine)).ToArray());
        Assert.Equal('`', r.Syntax.EscapeToken);
    }

    [Theory]
    [InlineData("# escape=\\\n# escape=`\nFROM a\n", "only one escape parser directive can be used")]
    [InlineData("# syntax=a\n# SYNTAX=b\nFROM a\n", "only one syntax parser directive can be used")]
    [InlineData("# escape=x\nFROM a\n", "invalid escape token 'x' does not match ` or \\")]
    [InlineData("# escape= \t\nFROM a\n", "invalid escape token '\t' does not match ` or \\")]
    public void DirectiveErrors(string text, string message)
    {
        var r = TestUtil.Parse(text);
        Assert.Null(r.Syntax);
        Assert.Equal(message, r.FirstError!.Message);
    }

    [Theory]
    [InlineData("FROM a\nRUN a \\\n# comment\n b\n", "(from \"a\")\n(run \"a  b\")\n")]
    [InlineData("FROM a\nRUN a \\\\\n", "(from \"a\")\n(run \"a \\\\\\\\\")\n")]
    [InlineData("FROM a\nRUN a\\  \t\nb\n", "(from \"a\")\n(run \"ab\")\n")]
    [InlineData("FROM a\nRUN a \\", "(from \"a\")\n(run \"a\")\n")]
    [InlineData("FROM a\r\nRUN b \\\r\n c\r\n", "(from \"a\")\n(run \"b  c\")\n")]
    [InlineData("\uFEFFFROM a", "(from \"a\")\n")]
    [InlineData("FROM a\n   # indented comment\n\t\n  RUN x", "(from \"a\")\n(run \"x\")\n")]
    [InlineData("FROM a\nRUN \\\n\\\n x\n", "(from \"a\")\n(run \"x\")\n")]
    public void Continuations(string text, string dump) => Assert.Equal(dump, TestUtil.Dump(text));

    [Fact]
    public void EmptyContinuationLineWarns()
    {
        var r = TestUtil.Parse("FROM a\nRUN a \\\n\n b\n");
        Assert.NotNull(r.Ast);
        var w = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, w.Severity);
        Assert.Equal("Empty continuation line found in: RUN a  b", w.Message);
        Assert.Equal(DiagnosticCodes.EmptyContinuationLine, w.Code);
    }

    [Theory]
    [InlineData("RUN --mount=\"type=cache,target=/x y\" echo", "(run [\"--mount=type=cache,target=/x y\"] \"echo\")\n")]
    [InlineData("RUN -- --foo", "(run \"--foo\")\n")]
    [InlineData("RUN --foo -- bar", "(run [\"--foo\"] \"bar\")\n")]
    [InlineData("RUN --a=b\\ c d", "(run [\"--a=b c\"] \"d\")\n")]
    [InlineData("ONBUILD ONBUILD RUN x", "(onbuild (onbuild (run \"x\")))\n")]
    [InlineData("ONBUILD", "(onbuild)\n")]
    [InlineData("FOO bar", "(foo \"\")\n")]
    [InlineData("ENV A=1 B=\"2 3\"", "(env \"A\" \"1\" \"=\" \"B\" \"\\\"2 3\\\"\" \"=\")\n")]
    [InlineData("ENV A", "")]
    [InlineData("CMD [\"a\", \"\\u00e9\\u0001\\u00a0\"]", "(cmd \"a\" \"é\\x01\\u00a0\")\n")]
    [InlineData("CMD [\"a\"] x", "(cmd \"[\\\"a\\\"] x\")\n")]
    [InlineData("CMD [\"a\", 1e999]", "(cmd \"[\\\"a\\\", 1e999]\")\n")]
    [InlineData("HEALTHCHECK --interval=5s CMD [\"a\"]", "(healthcheck [\"--interval=5s\"] \"CMD\" \"a\")\n")]
    [InlineData("EXPOSE 80\t 443", "(expose \"80\" \"443\")\n")]
    [InlineData("USER  a  b ", "(user \"a  b\")\n")]
    public void NodeShapes(string line, string dump)
    {
        var r = DockerfileParser.Parse(line, new ParseOptions { BuildInstructions = false });
        if (dump.Length == 0)
        {
            Assert.Null(r.Syntax);
            return;
        }

        Assert.Equal(dump, AstDump.Render(r.Syntax!));
    }

    [Theory]
    [InlineData("é", "\"é\"")]
    [InlineData("\u00a0", "\"\\u00a0\"")]
    [InlineData("\u0001\u007f", "\"\\x01\\x7f\"")]
    [InlineData("\a\b\f\n\r\t\v\"\\", "\"\\a\\b\\f\\n\\r\\t\\v\\\"\\\\\"")]
    [InlineData("\U0001F600", "\"\U0001F600\"")]
    [InlineData("\u200b", "\"\\u200b\"")]
    [InlineData("\U000E0001", "\"\\U000e0001\"")]
    [InlineData("'", "\"'\"")]
    public void GoQuote(string input, string quoted) => Assert.Equal(quoted, GoQuoting.Quote(input));

    [Fact]
    public void GoQuoteLoneSurrogates()
    {
        Assert.Equal("\"a\uFFFDb\"", GoQuoting.Quote("a\uD800b"));
        Assert.Equal("\"a\\ud800b\"", GoQuoting.Quote("a\uD800b", escapeLoneSurrogates: true));
        Assert.Equal("\"\\udc00\U0001F600\"", GoQuoting.Quote("\uDC00\uD83D\uDE00", escapeLoneSurrogates: true));
    }

    [Fact]
    public void GoQuoteRune()
    {
        Assert.Equal("'\\x03'", GoQuoting.QuoteRune(3));
        Assert.Equal("'\\''", GoQuoting.QuoteRune('\''));
        Assert.Equal("'\"'", GoQuoting.QuoteRune('"'));
        Assert.Equal("'\uFFFD'", GoQuoting.QuoteRune(-1));
        Assert.Equal("'\U0001F600'", GoQuoting.QuoteRune(0x1F600));
    }

    [Fact]
    public void NoInstructions()
    {
        var r = TestUtil.Parse("# only a comment\n\n");
        Assert.Equal("file with no instructions", r.FirstError!.Message);
        Assert.Equal("file with no instructions", TestUtil.Parse("").FirstError!.Message);
    }

    [Fact]
    public void LineLimit()
    {
        var ok = "FROM a\nRUN " + new string('x', 65535 - 4);
        Assert.NotNull(TestUtil.Parse(ok).Syntax);
        var okNewline = "FROM a\nRUN " + new string('x', 65536 - 5) + "\n";
        Assert.NotNull(TestUtil.Parse(okNewline).Syntax);
        var tooLong = "FROM a\nRUN " + new string('x', 65536 - 4);
        Assert.Equal("dockerfile line greater than max allowed size of 65535", TestUtil.Parse(tooLong).FirstError!.Message);
        var multiByte = "FROM a\nRUN " + new string('é', 40000) + "\n";
        Assert.Equal("dockerfile line greater than max allowed size of 65535", TestUtil.Parse(multiByte).FirstError!.Message);
        Assert.Equal("file with no instructions", TestUtil.Parse(new string('x', 70000)).FirstError!.Message);
    }

    [Fact]
    public void BytesOverloadStripsBomAndDecodes()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(Encoding.UTF8.GetBytes("FROM a\nLABEL x=é\n")).ToArray();
        var r = DockerfileParser.Parse(bytes);
        Assert.Equal("(from \"a\")\n(label \"x\" \"é\" \"=\")\n", AstDump.Render(r.Syntax!));
        using var ms = new MemoryStream(bytes);
        Assert.Equal(AstDump.Render(r.Syntax!), AstDump.Render(DockerfileParser.Parse(ms).Syntax!));
    }

    [Fact]
    public void NonAsciiFlagBytesAreReadLikeBuildKit()
    {
        // BuildKit walks flag words byte by byte: 'à' (C3 A0) ends the word at the A0 byte.
        Assert.Equal("(run [\"--x=Ã\"] \"echo\")\n", TestUtil.Dump("RUN --x=\u00e0 echo"));
    }
}
