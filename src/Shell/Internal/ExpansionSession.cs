using System.Runtime.CompilerServices;
using System.Text;

namespace CSharpFrontend.Shell.Internal;

/// <summary>
/// The state of one expansion call: a cursor over the word, the variables seen, the words being split
/// and the first error. Single-use; the <see cref="ShellLexer"/> itself stays immutable.
/// </summary>
internal sealed partial class ExpansionSession
{
    private readonly string _source;
    private readonly int _escape;
    private readonly ShellLexerOptions _options;
    private readonly VariableTracker _variables;
    private readonly WordCollector? _words;
    private CodePointReader _reader;
    private readonly long _limit;
    private readonly long _budgetSize;
    private int _depth;
    private string? _error;
    private bool _errorIsFinal;

    /// <summary>Prepares to expand <paramref name="source"/>; <paramref name="splitWords"/> enables word splitting.</summary>
    public ExpansionSession(string source, char escapeToken, ShellLexerOptions options, IShellEnvironment environment, bool splitWords)
    {
        _source = source;
        _escape = escapeToken;
        _options = options;
        _variables = new VariableTracker(environment);
        _words = splitWords ? new WordCollector() : null;
        _reader = new CodePointReader(source);
        _limit = options.Budget?.Remaining ?? long.MaxValue;
        _budgetSize = options.Budget?.MaxCharacters ?? long.MaxValue;
    }

    /// <summary>Variables found set so far.</summary>
    public IReadOnlySet<string> UsedVariables => _variables.Used;

    /// <summary>Variables found unset so far.</summary>
    public IReadOnlySet<string> UnsetVariables => _variables.Unset;

    /// <summary>The failure, once <see cref="Run"/> has returned false.</summary>
    public ShellExpansionError Error => new(_source, _error ?? string.Empty) { UnsetVariables = _variables.Unset };

    /// <summary>Expands the whole word.</summary>
    public bool Run(out string value)
    {
        if (!ProcessUntil(CodePoints.Eof, _options.RawEscapes, _words, out value))
        {
            return false;
        }

        return _options.Budget is not { } budget || budget.TryCharge(value.Length) || FailFinal(ErrorTexts.ExpansionTooLarge(_budgetSize));
    }

    /// <summary>The split words, after a successful <see cref="Run"/> with splitting enabled.</summary>
    public IReadOnlyList<string> FinishWords() => _words?.Finish() ?? [];

    /// <summary>
    /// Expands text until <paramref name="stop"/> (consumed) or the end of input when stop is
    /// <see cref="CodePoints.Eof"/>. <paramref name="rawEscapes"/> keeps escape characters in the output.
    /// </summary>
    private bool ProcessUntil(int stop, bool rawEscapes, WordCollector? words, out string value)
    {
        var result = new StringBuilder();
        value = string.Empty;
        while (true)
        {
            int ch = _reader.Peek();
            if (ch == CodePoints.Eof)
            {
                break;
            }

            if (ch == stop)
            {
                _reader.Next();
                value = result.ToString();
                return true;
            }

            string? special;
            switch (ch)
            {
                case '$':
                    if (!TryExpandDollar(out special))
                    {
                        return false;
                    }

                    result.Append(special);
                    if (result.Length > _limit)
                    {
                        return FailFinal(ErrorTexts.ExpansionTooLarge(_budgetSize));
                    }

                    words?.AddSplitting(special);
                    continue;
                case '<':
                    special = ReadPossibleHeredoc();
                    break;
                case '\'' when !_options.SkipProcessQuotes:
                    if (!TryReadSingleQuoted(out special))
                    {
                        return false;
                    }

                    break;
                case '"' when !_options.SkipProcessQuotes:
                    if (!TryReadDoubleQuoted(rawEscapes, out special))
                    {
                        return false;
                    }

                    break;
                default:
                    special = null;
                    break;
            }

            if (special is not null)
            {
                result.Append(special);
                if (result.Length > _limit)
                {
                    return FailFinal(ErrorTexts.ExpansionTooLarge(_budgetSize));
                }

                words?.AddRaw(special);
                continue;
            }

            _reader.Next();
            if (ch == _escape)
            {
                if (rawEscapes)
                {
                    words?.AddRaw(ch);
                    CodePoints.Append(result, ch);
                }

                ch = _reader.Next();
                if (ch == CodePoints.Eof)
                {
                    break;
                }

                words?.AddRaw(ch);
            }
            else
            {
                words?.AddSplitting(ch);
            }

            CodePoints.Append(result, ch);
        }

        if (stop != CodePoints.Eof)
        {
            return Fail(ErrorTexts.Unterminated(stop));
        }

        value = result.ToString();
        return true;
    }

    /// <summary>Expands a nested word (the operand of a <c>${...}</c> modifier), bounding the nesting depth.</summary>
    private bool ProcessNested(int stop, bool rawEscapes, out string value)
    {
        value = string.Empty;
        _words?.DiscardPending();
        if (_depth >= _options.MaxNestingDepth || !RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            return FailFinal(ErrorTexts.NestingTooDeep(_options.MaxNestingDepth));
        }

        _depth++;
        bool ok = ProcessUntil(stop, rawEscapes, null, out value);
        _depth--;
        return ok;
    }

    private string ReadPossibleHeredoc()
    {
        _reader.Next();
        if (_reader.Peek() != '<')
        {
            return "<";
        }

        _reader.Next();
        var text = new StringBuilder("<<");
        while (_reader.Peek() is ' ' or '\t' or '\r')
        {
            text.Append((char)_reader.Next());
        }

        return text.ToString();
    }

    private bool TryReadSingleQuoted(out string value)
    {
        value = string.Empty;
        var result = new StringBuilder();
        int ch = _reader.Next();
        if (_options.RawQuotes)
        {
            CodePoints.Append(result, ch);
        }

        while (true)
        {
            ch = _reader.Next();
            if (ch == CodePoints.Eof)
            {
                return Fail(ErrorTexts.UnterminatedSingleQuote);
            }

            if (ch == '\'')
            {
                if (_options.RawQuotes)
                {
                    result.Append('\'');
                }

                value = result.ToString();
                return true;
            }

            CodePoints.Append(result, ch);
        }
    }

    private bool TryReadDoubleQuoted(bool rawEscapes, out string value)
    {
        value = string.Empty;
        var result = new StringBuilder();
        int ch = _reader.Next();
        if (_options.RawQuotes)
        {
            CodePoints.Append(result, ch);
        }

        while (true)
        {
            ch = _reader.Peek();
            if (ch == CodePoints.Eof)
            {
                return Fail(ErrorTexts.UnterminatedDoubleQuote);
            }

            if (ch == '"')
            {
                _reader.Next();
                if (_options.RawQuotes)
                {
                    result.Append('"');
                }

                value = result.ToString();
                return true;
            }

            if (ch == '$')
            {
                if (!TryExpandDollar(out string expanded))
                {
                    return false;
                }

                result.Append(expanded);
                continue;
            }

            _reader.Next();
            if (ch == _escape)
            {
                if (rawEscapes)
                {
                    CodePoints.Append(result, ch);
                }

                int next = _reader.Peek();
                if (next == CodePoints.Eof)
                {
                    continue;
                }

                if (next == '"' || next == '$' || next == _escape)
                {
                    ch = _reader.Next();
                }
            }

            CodePoints.Append(result, ch);
        }
    }

    private bool Fail(string reason)
    {
        _error = reason;
        return false;
    }

    private bool FailFinal(string reason)
    {
        _errorIsFinal = true;
        return Fail(reason);
    }

    /// <summary>
    /// After a nested word failed: when the input is exhausted, report <paramref name="reason"/> instead
    /// (upstream reports the missing delimiter rather than the inner error).
    /// </summary>
    private bool FailNested(string reason) =>
        !_errorIsFinal && _reader.Peek() == CodePoints.Eof ? Fail(reason) : false;
}
