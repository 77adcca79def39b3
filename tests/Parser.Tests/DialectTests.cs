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
    [InlineData("FROM a\nENV A=1 B=2\nLABEL k v w\n", "(from \"a\")\n(env \"A\" \"1\" \"=\" \"B\" \"2\" \"=\")\n(label \"k\" \"v w\" \"\")\n", "(from \"a\")\n(env \"A\" \"1\" \"B\" \"2\")\n(label \"k\" \"v w\")\n")]
    [InlineData("FROM a\nONBUILD ENV A=1\n", "(from \"a\")\n(onbuild (env \"A\" \"1\" \"=\"))\n", "(from \"a\")\n(onbuild (env \"A\" \"1\"))\n")]
    [InlineData("# check=skip=all\n# escape=`\nFROM a\nRUN a`\nb\n", "(from \"a\")\n(run \"ab\")\n", "(from \"a\")\n(run \"a`\")\n(b \"\")\n")]
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

    /// <summary>BuildKit v0.24.0's BFlags names the flag as written (<c>flagName</c>), v0.11.6's without dashes; the suggestion is the bare name in both.</summary>
    [Theory]
    [InlineData("RUN --mont=x echo", "unknown flag: --mont (did you mean mount?)", "unknown flag: mont (did you mean mount?)")]
    [InlineData("RUN --network=none --network=host echo", "duplicate flag specified: --network", "duplicate flag specified: network")]
    [InlineData("COPY --from a b", "missing a value on flag: --from", "missing a value on flag: from")]
    [InlineData("COPY --link=x a b", "expecting boolean value for flag --link, not: x", "expecting boolean value for flag link, not: x")]
    public void FlagErrors(string line, string current, string v011)
    {
        foreach (var (dialect, expected) in new[] { (BuildKitDialect.Current, current), (BuildKitDialect.V0_11, v011) })
        {
            var r = DockerfileParser.Parse("FROM a\n" + line + "\n", new ParseOptions { Dialect = dialect });
            Assert.Equal("dockerfile parse error on line 2: " + expected, r.FirstError!.ToBuildKitMessage());
        }
    }

    [Fact]
    public void KeyValuePairsKeepTheirFormInBothDialects()
    {
        foreach (var dialect in new[] { BuildKitDialect.Current, BuildKitDialect.V0_11 })
        {
            var ast = DockerfileParser.Parse("FROM a\nENV A=1 B=2\nENV C 3 4\n", new ParseOptions { Dialect = dialect }).Ast!;
            var envs = ast.Stages[0].Commands.OfType<EnvInstruction>().SelectMany(e => e.Env).ToList();
            Assert.Equal(
                [new KeyValuePair("A", "1", false), new KeyValuePair("B", "2", false), new KeyValuePair("C", "3 4", true)],
                envs);
        }
    }

    [Fact]
    public void DirectiveIsNotADocCommentInCurrentOnly()
    {
        var text = "# syntax=x\nFROM a\n";
        Assert.Empty(DockerfileParser.Parse(text).Syntax!.Nodes[0].PrevComments);
        Assert.Equal(["syntax=x"], DockerfileParser.Parse(text, new ParseOptions { Dialect = BuildKitDialect.V0_11 }).Syntax!.Nodes[0].PrevComments.ToArray());
    }
}
