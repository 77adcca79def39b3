namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>Keeps the example in src/Shell/README.md true.</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public void UsageExample()
    {
        var lexer = new ShellLexer('\\');
        var env = ShellEnvironment.FromPairs(["VERSION=1.2", "ARCH=arm64"]);
        ExpansionResult r = lexer.ProcessWord("app-${VERSION}-${ARCH}${VARIANT:+-$VARIANT}.tgz", env);
        Assert.Equal("app-1.2-arm64.tgz", r.Value);
        Assert.Equal(["ARCH", "VERSION"], r.UsedVariables.Order(StringComparer.Ordinal));
        Assert.Equal(["VARIANT"], r.UnsetVariables);
        Assert.Equal(["80/tcp", "443", "8443"], lexer.ProcessWords("80/tcp ${PORTS:-443 8443}", env).Words);
    }
}
