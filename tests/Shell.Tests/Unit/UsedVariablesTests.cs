using static CSharpFrontend.Shell.Tests.Unit.Expand;

namespace CSharpFrontend.Shell.Tests.Unit;

public sealed class UsedVariablesTests
{
    [Theory]
    [InlineData("x", "", "")]
    [InlineData("x ${UNUSED}", "", "UNUSED")]
    [InlineData("x ${FOO}", "FOO", "")]
    [InlineData("${FOO-a} ${BAR-b} ${BAZ-c}", "BAR,FOO", "BAZ")]
    [InlineData("${FOO:+a} ${BAR:+b} ${BAZ:+c}", "BAR,FOO", "BAZ")]
    [InlineData("${FOO:-$BAR}", "BAR,FOO", "")]
    [InlineData("${BAZ:-$FOO}", "FOO", "BAZ")]
    [InlineData("${FOO#$BAR}${FOO%%$Q}", "BAR,FOO", "Q")]
    [InlineData("${FOO/$BAR/$R}", "BAR,FOO", "R")]
    [InlineData("'$FOO' \\$BAR \"$BAR\"", "BAR", "")]
    [InlineData("$1 ${@} $# $FOO$", "FOO", "#,1,@")]
    [InlineData("${FOO}${FOO}$FOO", "FOO", "")]
    public void ReportsFoundAndMissingNames(string input, string used, string unset)
    {
        var env = Env("FOO=xxyy", "BAR=");
        var word = Backslash.ProcessWord(input, env);
        Assert.Equal(used, string.Join(',', word.UsedVariables.Order(StringComparer.Ordinal)));
        Assert.Equal(unset, string.Join(',', word.UnsetVariables.Order(StringComparer.Ordinal)));

        var words = Backslash.ProcessWords(input, env);
        Assert.Equal(word.UsedVariables.Order(StringComparer.Ordinal), words.UsedVariables.Order(StringComparer.Ordinal));
        Assert.Equal(word.UnsetVariables.Order(StringComparer.Ordinal), words.UnsetVariables.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void NamesAreCaseSensitive()
    {
        var result = Backslash.ProcessWord("$pwd$PWD", Env("PWD=/home"));
        Assert.Equal("/home", result.Value);
        Assert.Equal(["PWD"], result.UsedVariables);
        Assert.Equal(["pwd"], result.UnsetVariables);
    }

    [Fact]
    public void CallsAreIndependent()
    {
        var env = Env("A=1");
        var first = Backslash.ProcessWord("$A", env);
        var second = Backslash.ProcessWord("$B", env);
        Assert.Equal(["A"], first.UsedVariables);
        Assert.Empty(first.UnsetVariables);
        Assert.Empty(second.UsedVariables);
        Assert.Equal(["B"], second.UnsetVariables);
    }

    [Fact]
    public void DictionaryOverloadAndPairsAgree()
    {
        var dictionary = new Dictionary<string, string> { ["A"] = "1", ["B"] = "2" };
        Assert.Equal("1-2", Backslash.ProcessWord("$A-$B", dictionary).Value);
        Assert.Equal(["1", "2"], Backslash.ProcessWords("$A $B", dictionary).Words);
        Assert.Equal("bike", Word("$car", "car=hat", "car=bike"));
        Assert.Equal("", Word("${foo-unset}", "foo"));
    }
}
