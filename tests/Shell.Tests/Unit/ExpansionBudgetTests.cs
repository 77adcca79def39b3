namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>
/// The expansion budget (ours, not BuildKit's: it bounds what one Dockerfile's expansions may produce). The
/// expectations are the documented contract: a word is charged its result's length, a word that would overdraw
/// fails with the budget's text and takes nothing, the failure is final (not replaced by a missing-delimiter error).
/// </summary>
public sealed class ExpansionBudgetTests
{
    private const string TooLarge =
        "expansion result exceeds the limit of {0} characters for this Dockerfile (16 per character of the file and its build arguments, at least 256 Ki)";

    private static readonly IShellEnvironment Env = ShellEnvironment.FromPairs(["A=abcd", "B=xy"]);

    private static ShellLexer Lexer(ExpansionBudget budget) => new('\\', new ShellLexerOptions { Budget = budget });

    private static string Reason(ShellLexer lexer, string word) =>
        Assert.Throws<ShellExpansionException>(() => lexer.ProcessWord(word, Env)).Reason;

    [Fact]
    public void ABudgetStartsFullAndRefusesNegativeSizes()
    {
        var budget = new ExpansionBudget(10);
        Assert.Equal(10, budget.MaxCharacters);
        Assert.Equal(10, budget.Remaining);
        Assert.Equal(0, new ExpansionBudget(0).Remaining);
        Assert.Throws<ArgumentOutOfRangeException>(() => new ExpansionBudget(-1));
    }

    [Theory]
    [InlineData(0, 0, 262_144L)]
    [InlineData(16_384, 0, 262_144L)]
    [InlineData(16_385, 0, 262_160L)]
    [InlineData(100_000, 0, 1_600_000L)]
    [InlineData(10_000, 10_000, 320_000L)]
    [InlineData(0, 100_000, 1_600_000L)]
    public void ADocumentGetsSixteenPerCharacterOfItAndItsArgumentsAtLeastAQuarterMebi(int length, long arguments, long size) =>
        Assert.Equal(size, ExpansionBudget.ForDocument(length, arguments).MaxCharacters);

    [Fact]
    public void ChargingTakesWhatIsAskedOrNothing()
    {
        var budget = new ExpansionBudget(10);
        Assert.True(budget.TryCharge(4));
        Assert.Equal(6, budget.Remaining);
        Assert.False(budget.TryCharge(7));
        Assert.Equal(6, budget.Remaining);
        Assert.True(budget.TryCharge(6));
        Assert.Equal(0, budget.Remaining);
        Assert.True(budget.TryCharge(0));
        Assert.False(budget.TryCharge(1));
    }

    [Fact]
    public void AWordIsChargedItsResultLength()
    {
        var budget = new ExpansionBudget(100);
        var lexer = Lexer(budget);
        Assert.Equal("abcd-xy", lexer.ProcessWord("$A-${B}", Env).Value);
        Assert.Equal(93, budget.Remaining);
        Assert.Equal(["abcd", "xy"], lexer.ProcessWords("$A $B", Env).Words);
        Assert.Equal(86, budget.Remaining);
    }

    [Fact]
    public void ExactlyTheRemainderFitsOneMoreDoesNot()
    {
        var budget = new ExpansionBudget(8);
        Assert.Equal("abcdabcd", Lexer(budget).ProcessWord("$A$A", Env).Value);
        Assert.Equal(0, budget.Remaining);

        var quoted = new ExpansionBudget(8);
        Assert.Equal("abcdabcd", Lexer(quoted).ProcessWord("'abcd'\"abcd\"", Env).Value);
        Assert.Equal(0, quoted.Remaining);

        var small = new ExpansionBudget(7);
        Assert.Equal(string.Format(TooLarge, 7), Reason(Lexer(small), "$A$A"));
        Assert.Equal(7, small.Remaining);
    }

    [Theory]
    [InlineData("$A$A$A")]
    [InlineData("'abcd'abcd")]
    [InlineData("\"$A\"$A")]
    [InlineData("abcdabcd")]
    [InlineData("${A//?/$B}")]
    [InlineData("${A//?/$B}${U:-x}")]
    public void AnOverdraftFailsWithTheBudgetsText(string word) =>
        Assert.Equal(string.Format(TooLarge, 7), Reason(Lexer(new ExpansionBudget(7)), word));

    /// <summary>Literal text is charged when the word completes, expansions as soon as they are appended.</summary>
    [Fact]
    public void ExpansionsAreCheckedWhileTheWordIsBuilt()
    {
        var budget = new ExpansionBudget(5);
        Assert.Equal(string.Format(TooLarge, 5), Reason(Lexer(budget), "$A$A${X?unset}"));
        Assert.Equal(string.Format(TooLarge, 5), Reason(Lexer(budget), "'abc''abc'${X?unset}"));
        Assert.Equal(string.Format(TooLarge, 5), Reason(Lexer(budget), "${A//?/$B}${X?unset}"));
        Assert.Equal("X: unset", Reason(Lexer(budget), "abcdabcd${X?unset}"));
        Assert.Equal(5, budget.Remaining);
    }

    /// <summary>An overdraft inside an unterminated <c>${...}</c> stays the error (it is final).</summary>
    [Theory]
    [InlineData("${U:-$A$A")]
    [InlineData("${A/?/$A$A")]
    public void AnOverdraftIsNotReplacedByAMissingDelimiter(string word) =>
        Assert.Equal(string.Format(TooLarge, 7), Reason(Lexer(new ExpansionBudget(7)), word));

    [Fact]
    public void WithoutABudgetTheSameWordsExpand()
    {
        var lexer = new ShellLexer();
        Assert.Equal("xyxyxyxy", lexer.ProcessWord("${A//?/$B}", Env).Value);
        Assert.Equal("syntax error: missing '}'", Reason(lexer, "${U:-$A$A"));
    }

    [Fact]
    public void OneBudgetIsSharedByTheLexersGivenIt()
    {
        var budget = new ExpansionBudget(10);
        Assert.Equal("abcd", Lexer(budget).ProcessWord("$A", Env).Value);
        Assert.Equal("abcd", new ShellLexer('`', new ShellLexerOptions { Budget = budget }).ProcessWord("$A", Env).Value);
        Assert.Equal(string.Format(TooLarge, 10), Reason(Lexer(budget), "$A"));
        Assert.Equal(2, budget.Remaining);
    }
}
