namespace CSharpFrontend.Shell;

/// <summary>Switches that alter how a <see cref="ShellLexer"/> expands words. The default is plain expansion.</summary>
public sealed record ShellLexerOptions
{
    /// <summary>The default nesting limit for <c>${...}</c> expressions inside one another.</summary>
    public const int DefaultMaxNestingDepth = 1000;

    private readonly int _maxNestingDepth = DefaultMaxNestingDepth;

    /// <summary>Plain expansion, nesting limit <see cref="DefaultMaxNestingDepth"/>.</summary>
    public static ShellLexerOptions Default { get; } = new();

    /// <summary>
    /// Whether the pattern modifiers <c>${V#p}</c>, <c>${V%p}</c> and <c>${V/p/r}</c> (and their doubled forms) are
    /// understood. BuildKit before v0.12 rejected them as unsupported modifiers; turning this off reproduces that.
    /// </summary>
    public bool PatternModifiers { get; init; } = true;

    /// <summary>
    /// Leave references to unset variables as written (<c>$X</c>, <c>${X}</c>, <c>${X:-w}</c>...) instead of
    /// expanding them (BuildKit's <c>SkipUnsetEnv</c>).
    /// </summary>
    public bool SkipUnsetEnv { get; init; }

    /// <summary>Treat single and double quotes as ordinary characters (BuildKit's <c>SkipProcessQuotes</c>).</summary>
    public bool SkipProcessQuotes { get; init; }

    /// <summary>Keep quote characters in the output while still honouring their meaning (BuildKit's <c>RawQuotes</c>).</summary>
    public bool RawQuotes { get; init; }

    /// <summary>Keep escape characters in the output while still honouring their meaning (BuildKit's <c>RawEscapes</c>).</summary>
    public bool RawEscapes { get; init; }

    /// <summary>
    /// The characters all expansions with these options may produce (null: unbounded). A word whose result would
    /// exceed what remains fails with <see cref="ShellExpansionException"/>; a successful one is charged its length.
    /// </summary>
    public ExpansionBudget? Budget { get; init; }

    /// <summary>
    /// How deeply <c>${...}</c> words may nest before expansion fails with a <see cref="ShellExpansionException"/>.
    /// Must be at least 1.
    /// </summary>
    public int MaxNestingDepth
    {
        get => _maxNestingDepth;
        init => _maxNestingDepth = value >= 1
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "The nesting limit must be at least 1.");
    }
}
