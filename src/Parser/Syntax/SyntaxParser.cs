using System.Runtime.CompilerServices;
using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using CSharpFrontend.Parser.Grammar;
using CSharpFrontend.Parser.Lines;
using CSharpFrontend.Parser.Text;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Parser.Syntax;

/// <summary>BuildKit's line parser: physical lines → logical lines (continuations, comments, directives) → nodes, plus heredoc bodies.</summary>
internal sealed partial class SyntaxParser
{
    private readonly LineReader _reader;
    private readonly DirectiveState _directives;
    private readonly List<Diagnostic> _warnings;
    private readonly string _text;
    private readonly StringBuilder _lineBuilder = new(256);
    private readonly WordPool _words = new();

    private readonly bool _legacy;

    private SyntaxParser(string text, List<Diagnostic> warnings, bool legacy)
    {
        _legacy = legacy;
        _directives = new DirectiveState(legacy);
        _text = text;
        _reader = new LineReader(text);
        _warnings = warnings;
    }

    /// <summary>Parses <paramref name="text"/> (BOM already removed); throws <see cref="ParseException"/> on BuildKit parse errors.</summary>
    /// <param name="text">The text, byte-order mark removed.</param>
    /// <param name="warnings">Receives the warnings.</param>
    /// <param name="dialect">The BuildKit release to follow.</param>
    /// <param name="byteOrderMark">A byte-order mark was removed (it still makes a line).</param>
    /// <param name="consumer">When given, receives each node in order instead of the tree (whose nodes are then empty).</param>
    public static SyntaxTree Parse(string text, List<Diagnostic> warnings, BuildKitDialect dialect = BuildKitDialect.Current, bool byteOrderMark = false, Action<SyntaxNode>? consumer = null) =>
        new SyntaxParser(text, warnings, dialect == BuildKitDialect.V0_11) { _byteOrderMark = byteOrderMark, _consumer = consumer }.Run() with { Dialect = dialect };

    private Action<SyntaxNode>? _consumer;

    private bool _byteOrderMark;

    private static readonly System.Buffers.SearchValues<char> LexerSpecials =
        System.Buffers.SearchValues.Create("\\'\"$< \t\n\v\f\r\u0085\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000");

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private SyntaxTree Run()
    {
        var nodes = ImmutableArray.CreateBuilder<SyntaxNode>();
        var count = 0;
        var comments = new List<string>();
        PhysicalLine last = default;
        while (_reader.Next(out var first))
        {
            last = first;
            int firstContent = SkipSpace(first.Start, first.End);
            if (firstContent < first.End && _text[firstContent] == '#')
            {
                string comment = GoText.TrimSpace(_text[(first.Start + 1)..first.End]);
                if (comment.Length == 0)
                {
                    comments.Clear();
                }
                else
                {
                    comments.Add(comment);
                }
            }

            int tokenEnd = TrimNewlineEnd(first);
            int tokenStart = Math.Min(firstContent, tokenEnd);
            int indent = tokenStart - first.Start;
            if (_directives.Active)
            {
                string directiveToken = _text[tokenStart..tokenEnd];
                bool isDirective = _directives.Examine(directiveToken, first.Number);

                // Current BuildKit drops a directive from the comments above the first instruction; v0.11 keeps it.
                if (isDirective && !_legacy && comments.Count > 0)
                {
                    comments.RemoveAt(comments.Count - 1);
                }
            }

            if (tokenStart < tokenEnd && _text[tokenStart] == '#')
            {
                tokenEnd = tokenStart;
            }

            int startLine = first.Number;
            var (logicalEnd, isEnd) = ContinuationEnd(tokenStart, tokenEnd);
            if (isEnd && logicalEnd == tokenStart)
            {
                continue;
            }

            string line;
            bool hasEmptyContinuation = false;
            bool isSlice = isEnd;
            if (isEnd)
            {
                line = _text[tokenStart..logicalEnd];
            }
            else
            {
                var sb = _lineBuilder.Clear();
                sb.Append(_text, tokenStart, logicalEnd - tokenStart);
                while (!isEnd && _reader.Next(out var cont))
                {
                    last = cont;
                    int contContent = SkipSpace(cont.Start, cont.End);
                    if (contContent < cont.End && _text[contContent] == '#')
                    {
                        continue;
                    }

                    int contEnd = TrimNewlineEnd(cont);
                    if (SkipSpace(cont.Start, contEnd) == contEnd)
                    {
                        hasEmptyContinuation = true;
                        continue;
                    }

                    (contEnd, isEnd) = ContinuationEnd(cont.Start, contEnd);
                    sb.Append(_text, cont.Start, contEnd - cont.Start);
                }

                line = sb.ToString();
            }

            var range = new SourceRange(new SourcePosition(startLine, indent + 1), new SourcePosition(last.Number, last.ContentEnd - last.Start + 1));
            if (hasEmptyContinuation)
            {
                _warnings.Add(new Diagnostic(
                    DiagnosticCodes.EmptyContinuationLine,
                    DiagnosticSeverity.Warning,
                    "Empty continuation line found in: " + line,
                    SourceRange.Lines(last.Number, last.Number),
                    DiagnosticLayer.Syntax));
            }

            var grammar = DockerfileGrammar.For(_directives.EscapeToken, _legacy);
            var node = NodeFactory.FromLine(line, grammar, range, comments.Count == 0 ? [] : [.. comments], isSlice ? _text : null, tokenStart, _words);
            if (CanContainHeredoc(node) && line.Contains("<<", StringComparison.Ordinal))
            {
                var heredocs = HeredocsFromLine(line, range, _legacy);
                if (heredocs.Count > 0)
                {
                    var bodies = ImmutableArray.CreateBuilder<Heredoc>(heredocs.Count);
                    foreach (var heredoc in heredocs)
                    {
                        var content = new StringBuilder();
                        bool terminated = false;
                        while (_reader.Next(out var body))
                        {
                            last = body;
                            var candidate = _text.AsSpan(body.Start, TrimNewlineEnd(body) - body.Start);
                            if (heredoc.Chomp)
                            {
                                candidate = candidate.TrimStart('\t');
                            }

                            if (candidate.SequenceEqual(heredoc.Name))
                            {
                                terminated = true;
                                break;
                            }

                            content.Append(_text, body.Start, body.End - body.Start);
                        }

                        if (!terminated)
                        {
                            throw ParseException.Syntax(DiagnosticCodes.UnterminatedHeredoc, "unterminated heredoc", SourceRange.Lines(startLine, Math.Max(startLine, last.Number)));
                        }

                        bodies.Add(heredoc with { Content = content.ToString() });
                    }

                    range = new SourceRange(range.Start, new SourcePosition(last.Number, last.ContentEnd - last.Start + 1));
                    node = node with { Heredocs = bodies.MoveToImmutable(), Range = range, Child = node.Child is null ? null : node.Child with { Range = range } };
                }
            }

            if (_consumer is { } consumer)
            {
                consumer(node);
            }
            else
            {
                nodes.Add(node);
            }

            count++;
            comments.Clear();
        }

        if (count == 0)
        {
            // BuildKit reports the number of lines read (0 for an empty file).
            int line = last.Number == 0 && _byteOrderMark ? 1 : last.Number;
            throw ParseException.Syntax(DiagnosticCodes.NoInstructions, "file with no instructions", SourceRange.Lines(line, line));
        }

        if (_reader.TooLong)
        {
            int line = last.Number + 1;
            throw ParseException.Syntax(
                DiagnosticCodes.LineTooLong,
                $"dockerfile line greater than max allowed size of {LineReader.MaxTokenSize - 1}",
                SourceRange.Lines(line, line));
        }

        return new SyntaxTree(nodes.DrainToImmutable(), _directives.Directives, _directives.EscapeToken);
    }

    /// <summary>
    /// End of <c>_text[start..end]</c> once a trailing escape token (and the blanks after it) is removed; IsEnd is
    /// false when it was a continuation. An escaped escape token is not a continuation.
    /// </summary>
    private (int End, bool IsEnd) ContinuationEnd(int start, int end)
    {
        char esc = _directives.EscapeToken;
        int e = end;
        while (e > start && _text[e - 1] is ' ' or '\t')
        {
            e--;
        }

        if (e == start || _text[e - 1] != esc)
        {
            return (end, true);
        }

        int escPos = e - 1;
        if (escPos == start)
        {
            return (start, false);
        }

        if (_text[escPos - 1] == esc)
        {
            return (end, true);
        }

        return (escPos, false);
    }

    private int SkipSpace(int start, int end)
    {
        while (start < end && GoText.IsSpace(_text[start]))
        {
            start++;
        }

        return start;
    }

    private int TrimNewlineEnd(PhysicalLine l)
    {
        int end = l.End;
        while (end > l.Start && _text[end - 1] is '\r' or '\n')
        {
            end--;
        }

        return end;
    }

    private static bool CanContainHeredoc(SyntaxNode node)
    {
        if (string.Equals(node.Keyword, "onbuild", StringComparison.OrdinalIgnoreCase) && node.Child is not null)
        {
            node = node.Child;
        }

        return !node.IsJson
            && (node.Keyword.Equals("run", StringComparison.OrdinalIgnoreCase)
                || node.Keyword.Equals("copy", StringComparison.OrdinalIgnoreCase)
                || node.Keyword.Equals("add", StringComparison.OrdinalIgnoreCase));
    }

    private static readonly System.Buffers.SearchValues<char> QuoteEscapeDollar = System.Buffers.SearchValues.Create("\\'\"$");

    private static List<Heredoc> HeredocsFromLine(string line, SourceRange range, bool legacy)
    {
        var docs = new List<Heredoc>();
        var words = line.AsSpan().IndexOfAny(QuoteEscapeDollar) < 0
            ? DockerfileGrammar.For('\\', legacy).HeredocCandidates(line)
            : HeredocWordLexer.Words(line, rawQuotes: true, rawEscapes: true, legacy);
        if (words is null)
        {
            return docs;
        }

        foreach (var word in words)
        {
            var heredoc = ParseHeredoc(word, range, legacy);
            if (heredoc is not null)
            {
                docs.Add(heredoc);
            }
        }

        return docs;
    }

    /// <summary>Recognizes a heredoc word such as <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-"EOF"</c>, <c>3&lt;&lt;EOF</c>; null when it is not one.</summary>
    internal static Heredoc? ParseHeredoc(string word, SourceRange range, bool legacy = false)
    {
        if (!word.Contains("<<", StringComparison.Ordinal))
        {
            return null;
        }

        if (DockerfileGrammar.For('\\', legacy).HeredocMarker(word) is not { } marker)
        {
            return null;
        }

        var (digits, chomp, rest) = marker;
        ulong fd = 0;
        if (digits.Length > 0 && !ulong.TryParse(digits, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out fd))
        {
            fd = ulong.MaxValue;
        }

        if (rest.AsSpan().IndexOfAny(LexerSpecials) < 0)
        {
            // Nothing for the shell lexer to do: one word, unquoted.
            return new Heredoc(rest, fd, true, chomp, string.Empty);
        }

        var words = HeredocWordLexer.Words(rest, rawQuotes: false, rawEscapes: false, legacy)
            ?? throw ParseException.Syntax(DiagnosticCodes.Syntax, $"failed to process {GoQuoting.Quote(rest)}: syntax error", range);
        if (words.Count != 1)
        {
            return null;
        }

        var raw = HeredocWordLexer.Words(rest, rawQuotes: true, rawEscapes: false, legacy);
        if (raw is null || raw.Count != words.Count)
        {
            throw ParseException.Syntax(DiagnosticCodes.Syntax, $"internal lexing of heredoc produced inconsistent results: {rest}", range);
        }

        static int Quotes(string s) => s.Count(c => c is '\'' or '"');
        return new Heredoc(words[0], fd, Quotes(words[0]) == Quotes(raw[0]), chomp, string.Empty);
    }
}
