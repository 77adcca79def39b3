using System.Buffers;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using CSharpFrontend.Shell.Internal;

namespace CSharpFrontend.Shell;

/// <summary>
/// Expands Dockerfile words the way BuildKit's shell lexer does: quotes, escapes, <c>$VAR</c> and the
/// <c>${VAR...}</c> forms (<c>-</c>, <c>+</c>, <c>?</c> with or without colon, <c>#</c>, <c>##</c>, <c>%</c>,
/// <c>%%</c>, <c>/</c>, <c>//</c>). Immutable and safe to share between threads.
/// </summary>
public sealed class ShellLexer
{
    /// <summary>The characters the expansion gives a meaning to, with either escape token.</summary>
    private static readonly SearchValues<char> BackslashSpecials = SearchValues.Create("$<'\"\\");
    private static readonly SearchValues<char> BacktickSpecials = SearchValues.Create("$<'\"`");

    /// <summary>Creates a lexer.</summary>
    /// <param name="escapeToken">The Dockerfile escape character: <c>\</c> (default) or <c>`</c>.</param>
    /// <param name="options">Expansion switches; <see cref="ShellLexerOptions.Default"/> when null.</param>
    public ShellLexer(char escapeToken = '\\', ShellLexerOptions? options = null)
    {
        if (escapeToken is not ('\\' or '`'))
        {
            throw new ArgumentOutOfRangeException(nameof(escapeToken), escapeToken, "The escape token must be '\\' or '`'.");
        }

        EscapeToken = escapeToken;
        Options = options ?? ShellLexerOptions.Default;
    }

    /// <summary>The escape character.</summary>
    public char EscapeToken { get; }

    /// <summary>The expansion switches.</summary>
    public ShellLexerOptions Options { get; }

    /// <summary>Expands <paramref name="word"/> into one string without word splitting.</summary>
    /// <exception cref="ShellExpansionException">The word is malformed or a <c>${VAR?}</c> check failed.</exception>
    public ExpansionResult ProcessWord(string word, IShellEnvironment environment) =>
        TryProcessWord(word, environment, out var result, out var error) ? result : throw new ShellExpansionException(error);

    /// <inheritdoc cref="ProcessWord(string, IShellEnvironment)"/>
    public ExpansionResult ProcessWord(string word, IReadOnlyDictionary<string, string> environment) =>
        ProcessWord(word, View(environment));

    /// <summary>Expands <paramref name="word"/> and splits the result into words on unquoted white space.</summary>
    /// <exception cref="ShellExpansionException">The word is malformed or a <c>${VAR?}</c> check failed.</exception>
    public WordsExpansionResult ProcessWords(string word, IShellEnvironment environment) =>
        TryProcessWords(word, environment, out var result, out var error) ? result : throw new ShellExpansionException(error);

    /// <inheritdoc cref="ProcessWords(string, IShellEnvironment)"/>
    public WordsExpansionResult ProcessWords(string word, IReadOnlyDictionary<string, string> environment) =>
        ProcessWords(word, View(environment));

    /// <summary>Like <see cref="ProcessWord(string, IShellEnvironment)"/>, reporting failure as a value.</summary>
    public bool TryProcessWord(
        string word,
        IShellEnvironment environment,
        [NotNullWhen(true)] out ExpansionResult? result,
        [NotNullWhen(false)] out ShellExpansionError? error)
    {
        if (IsLiteral(word, environment))
        {
            // Most words expand to themselves: no session, but the same charge to the budget.
            if (Options.Budget is { } budget && !budget.TryCharge(word.Length))
            {
                result = null;
                error = new ShellExpansionError(word, ErrorTexts.ExpansionTooLarge(budget.MaxCharacters));
                return false;
            }

            result = new ExpansionResult(word, ImmutableHashSet<string>.Empty, ImmutableHashSet<string>.Empty);
            error = null;
            return true;
        }

        var session = Start(word, environment, splitWords: false);
        if (!session.Run(out string value))
        {
            result = null;
            error = session.Error;
            return false;
        }

        result = new ExpansionResult(value, session.UsedVariables, session.UnsetVariables);
        error = null;
        return true;
    }

    /// <summary>Like <see cref="ProcessWords(string, IShellEnvironment)"/>, reporting failure as a value.</summary>
    public bool TryProcessWords(
        string word,
        IShellEnvironment environment,
        [NotNullWhen(true)] out WordsExpansionResult? result,
        [NotNullWhen(false)] out ShellExpansionError? error)
    {
        var session = Start(word, environment, splitWords: true);
        if (!session.Run(out _))
        {
            result = null;
            error = session.Error;
            return false;
        }

        result = new WordsExpansionResult(session.FinishWords(), session.UsedVariables, session.UnsetVariables);
        error = null;
        return true;
    }

    /// <summary>
    /// Whether <paramref name="word"/> holds no variable, quote, escape token or heredoc marker (nor a leading
    /// byte-order mark, which the scanner drops): it then expands to itself.
    /// </summary>
    private bool IsLiteral(string word, IShellEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(environment);
        return word.AsSpan().IndexOfAny(EscapeToken == '\\' ? BackslashSpecials : BacktickSpecials) < 0 && !word.StartsWith('\uFEFF');
    }

    private static DictionaryEnvironment View(IReadOnlyDictionary<string, string> environment) =>
        new(environment ?? throw new ArgumentNullException(nameof(environment)));

    private ExpansionSession Start(string word, IShellEnvironment environment, bool splitWords)
    {
        ArgumentNullException.ThrowIfNull(word);
        ArgumentNullException.ThrowIfNull(environment);
        return new ExpansionSession(word, EscapeToken, Options, environment, splitWords);
    }
}
