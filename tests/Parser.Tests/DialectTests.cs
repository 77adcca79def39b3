namespace CSharpFrontend.Parser.Tests;

/// <summary>The few constructs read differently by BuildKit v0.11 (the corpus reference) and current BuildKit.</summary>
public sealed class DialectTests
{
    private static string Dump(string text, BuildKitDialect dialect)
    {
        var r = DockerfileParser.Parse(text, new ParseOptions { Dialect = dialect, BuildInstructions = false });
        return r.Syntax is null ? "error: " + r.FirstError!.Message : AstDump.Render(r.Syntax);
    }

    [Theory]
    [InlineData("FROM a\nCMD [\"a\"] b\n", "(from \"a\")\n(cmd \"[\\\"a\\\"] b\")\n", "(from \"a\")\n(cmd \"a\")\n")]
    [InlineData("FROM a\nRUN cat << EOF\nx\nEOF\n", "(from \"a\")\n(run \"cat << EOF\")\n", "(from \"a\")\n(run \"cat << EOF\")\n(x \"\")\n(eof \"\")\n")]
    [InlineData("# escape=`\nFROM a\nRUN --x=a`\"b c\n", "(from \"a\")\n(run [\"--x=a\\\"b\"] \"c\")\n", "(from \"a\")\n(run [\"--x=a`b c\"])\n")]
    public void Differences(string text, string current, string v011)
    {
        Assert.Equal(current, Dump(text, BuildKitDialect.Current));
        Assert.Equal(v011, Dump(text, BuildKitDialect.V0_11));
    }

    [Fact]
    public void HeredocWithBlanksAfterMarker()
    {
        var r = DockerfileParser.Parse("FROM a\nRUN << EOF\nx\nEOF\n");
        Assert.Equal("EOF", r.Syntax!.Nodes[1].Heredocs.Single().Name);
        Assert.Equal("x\n", r.Syntax.Nodes[1].Heredocs.Single().Content);
    }

    [Fact]
    public void LegacyHeredocLexerRejectsNewSubstitutions()
    {
        // v0.11 does not know ${v#p}: the whole line fails to lex and has no heredoc.
        var text = "FROM a\nRUN <<EOF ${v#p}\nEOF\n";
        Assert.Single(DockerfileParser.Parse(text).Syntax!.Nodes[1].Heredocs);
        var legacy = DockerfileParser.Parse(text, new ParseOptions { Dialect = BuildKitDialect.V0_11 });
        Assert.Empty(legacy.Syntax!.Nodes[1].Heredocs);
    }
}
