using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using CSharpFrontend.Parser.Lines;
using CSharpFrontend.Parser.Text;

namespace CSharpFrontend.Parser.Syntax;

/// <summary>BuildKit's line parser: physical lines → logical lines (continuations, comments, directives) → nodes, plus heredoc bodies.</summary>
internal sealed partial class SyntaxParser
{
    private readonly LineReader _reader;
    private readonly DirectiveState _directives = new();
    private readonly List<Diagnostic> _warnings;
    private readonly string _text;

    private SyntaxParser(string text, List<Diagnostic> warnings)
    {
        _text = text;
        _reader = new LineReader(text);
        _warnings = warnings;
    }

    /// <summary>Parses <paramref name="text"/> (BOM already removed); throws <see cref="ParseException"/> on BuildKit parse errors.</summary>
    public static SyntaxTree Parse(string text, List<Diagnostic> warnings) => new SyntaxParser(text, warnings).Run();

    [GeneratedRegex(@"^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)\z", RegexOptions.CultureInvariant)]
    private static partial Regex HeredocWordRegex();

    private string Raw(PhysicalLine l) => _text[l.Start..l.End];

    private string TrimNewline(PhysicalLine l)
    {
        int end = l.End;
        while (end > l.Start && _text[end - 1] is '\r' or '\n')
        {
            end--;
        }

        return _text[l.Start..end];
    }

    private static bool IsComment(string s)
    {
        foreach (char c in s)
        {
            if (!GoText.IsSpace(c))
            {
                return c == '#';
            }
        }

        return false;
    }

    private SyntaxTree Run()
    {
        var nodes = ImmutableArray.CreateBuilder<SyntaxNode>();
        var comments = new List<string>();
        PhysicalLine last = default;
        while (_reader.Next(out var first))
        {
            last = first;
            string raw = Raw(first);
            if (IsComment(raw))
            {
                string comment = GoText.TrimSpace(raw[1..]);
                if (comment.Length == 0)
                {
                    comments.Clear();
                }
                else
                {
                    comments.Add(comment);
                }
            }

            string token = GoText.TrimLeftSpace(TrimNewline(first));
            int indent = TrimNewline(first).Length - token.Length;
            bool isDirective = _directives.Examine(token, first.Number);
            if (isDirective && comments.Count > 0)
            {
                comments.RemoveAt(comments.Count - 1);
            }

            if (IsComment(token))
            {
                token = string.Empty;
            }

            int startLine = first.Number;
            var (logical, isEnd) = TrimContinuation(token);
            if (isEnd && logical.Length == 0)
            {
                continue;
            }

            var sb = new StringBuilder(logical);
            bool hasEmptyContinuation = false;
            while (!isEnd && _reader.Next(out var cont))
            {
                last = cont;
                string craw = Raw(cont);
                string ctoken = TrimNewline(cont);
                if (IsComment(craw))
                {
                    continue;
                }

                if (GoText.TrimLeftSpace(ctoken).Length == 0)
                {
                    hasEmptyContinuation = true;
                    continue;
                }

                (ctoken, isEnd) = TrimContinuation(ctoken);
                sb.Append(ctoken);
            }

            string line = sb.ToString();
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

            var node = NodeFactory.FromLine(line, _directives.EscapeToken, range, [.. comments]);
            if (CanContainHeredoc(node) && line.Contains("<<", StringComparison.Ordinal))
            {
                var heredocs = HeredocsFromLine(line, range);
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
                            string candidate = TrimNewline(body);
                            if (heredoc.Chomp)
                            {
                                candidate = candidate.TrimStart('\t');
                            }

                            if (candidate == heredoc.Name)
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

            nodes.Add(node);
            comments.Clear();
        }

        if (nodes.Count == 0)
        {
            int line = Math.Max(last.Number, 1);
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

        return new SyntaxTree(nodes.ToImmutable(), _directives.Directives, _directives.EscapeToken);
    }

    /// <summary>Removes a trailing escape token (and the blanks after it) unless the token is itself escaped.</summary>
    private (string Line, bool IsEnd) TrimContinuation(string line)
    {
        char esc = _directives.EscapeToken;
        int end = line.Length;
        while (end > 0 && line[end - 1] is ' ' or '\t')
        {
            end--;
        }

        if (end == 0 || line[end - 1] != esc)
        {
            return (line, true);
        }

        int escPos = end - 1;
        if (escPos == 0)
        {
            return (string.Empty, false);
        }

        if (line[escPos - 1] == esc)
        {
            return (line, true);
        }

        return (line[..escPos], false);
    }

    private static bool CanContainHeredoc(SyntaxNode node)
    {
        if (string.Equals(node.Keyword, "onbuild", StringComparison.OrdinalIgnoreCase) && node.Child is not null)
        {
            node = node.Child;
        }

        return node.Keyword.ToLowerInvariant() is "add" or "copy" or "run" && !node.IsJson;
    }

    private static List<Heredoc> HeredocsFromLine(string line, SourceRange range)
    {
        var docs = new List<Heredoc>();
        var words = HeredocWordLexer.Words(line, rawQuotes: true, rawEscapes: true);
        if (words is null)
        {
            return docs;
        }

        foreach (var word in words)
        {
            var heredoc = ParseHeredoc(word, range);
            if (heredoc is not null)
            {
                docs.Add(heredoc);
            }
        }

        return docs;
    }

    /// <summary>Recognizes a heredoc word such as <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-"EOF"</c>, <c>3&lt;&lt;EOF</c>; null when it is not one.</summary>
    internal static Heredoc? ParseHeredoc(string word, SourceRange range)
    {
        if (!word.Contains("<<", StringComparison.Ordinal))
        {
            return null;
        }

        var m = HeredocWordRegex().Match(word);
        if (!m.Success || !m.Groups[1].Value.All(char.IsAsciiDigit))
        {
            return null;
        }

        string rest = m.Groups[3].Value;
        if (rest.Length == 0)
        {
            return null;
        }

        ulong fd = 0;
        if (m.Groups[1].Value.Length > 0 && !ulong.TryParse(m.Groups[1].Value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out fd))
        {
            fd = ulong.MaxValue;
        }

        var words = HeredocWordLexer.Words(rest, rawQuotes: false, rawEscapes: false)
            ?? throw ParseException.Syntax(DiagnosticCodes.Syntax, $"failed to process {GoText.Quote(rest)}: syntax error", range);
        if (words.Count != 1)
        {
            return null;
        }

        var raw = HeredocWordLexer.Words(rest, rawQuotes: true, rawEscapes: false);
        if (raw is null || raw.Count != words.Count)
        {
            throw ParseException.Syntax(DiagnosticCodes.Syntax, $"internal lexing of heredoc produced inconsistent results: {rest}", range);
        }

        static int Quotes(string s) => s.Count(c => c is '\'' or '"');
        return new Heredoc(words[0], fd, Quotes(words[0]) == Quotes(raw[0]), m.Groups[2].Value == "-", string.Empty);
    }
}
