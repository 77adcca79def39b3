using System.Text;
using CSharpFrontend.Parser.Text;

namespace CSharpFrontend.Parser.Syntax;

/// <summary>
/// The small part of BuildKit's shell lexer the parser needs to find heredoc words: word splitting with quote
/// handling, no variables set (unset variables are kept as written), escape token <c>\</c>. Nesting of
/// <c>${...}</c> is bounded; deeper input is treated as a lexing error (which, like in BuildKit, means no words).
/// </summary>
internal sealed class HeredocWordLexer
{
    private const int Eof = -1;
    private const int MaxDepth = 256;
    private const char Escape = '\\';

    private readonly string _src;
    private readonly bool _rawQuotes;
    private readonly bool _legacy;
    private bool _rawEscapes;
    private readonly StringBuilder _sharedWord = new();
    private int _pos;
    private int _depth;

    private HeredocWordLexer(string src, bool rawQuotes, bool rawEscapes, bool legacy)
    {
        _legacy = legacy;
        _src = src;
        _rawQuotes = rawQuotes;
        _rawEscapes = rawEscapes;
    }

    /// <summary>Splits <paramref name="src"/> into words; null on a lexing error.</summary>
    public static List<string>? Words(string src, bool rawQuotes, bool rawEscapes, bool legacy = false)
    {
        var lexer = new HeredocWordLexer(src, rawQuotes, rawEscapes, legacy);
        return lexer.ProcessStopOn(Eof, rawEscapes, out _, out var words) ? words : null;
    }

    private int Peek() => _pos < _src.Length ? _src[_pos] : Eof;

    private int Next() => _pos < _src.Length ? _src[_pos++] : Eof;

    private bool ProcessStopOn(int stop, bool rawEscapes, out string result, out List<string> words)
    {
        result = string.Empty;
        words = [];
        if (++_depth > MaxDepth)
        {
            return false;
        }

        bool savedRaw = _rawEscapes;
        if (!_legacy)
        {
            _rawEscapes = rawEscapes;
        }

        try
        {
            var sb = new StringBuilder();

            // Current BuildKit shares one word buffer between nested ${...} scans and clears it at each start
            // (a word's text before a nested ${v:-...} is dropped); v0.11 keeps one buffer per scan.
            var w = new WordsBuilder(_legacy ? new StringBuilder() : _sharedWord.Clear());
            while (Peek() != Eof)
            {
                int ch = Peek();
                if (stop != Eof && ch == stop)
                {
                    Next();
                    result = sb.ToString();
                    words = w.GetWords();
                    return true;
                }

                if (ch == '<' && _legacy)
                {
                    ch = ' ' + 1; // plain character in BuildKit v0.11
                }

                string? tmp = ch switch
                {
                    '$' => ProcessDollar(),
                    '<' => ProcessPossibleHeredoc(),
                    '\'' => ProcessSingleQuote(),
                    '"' => ProcessDoubleQuote(),
                    _ => string.Empty,
                };
                if (ch is '$' or '<' or '\'' or '"')
                {
                    if (tmp is null)
                    {
                        return false;
                    }

                    sb.Append(tmp);
                    if (ch == '$')
                    {
                        w.AddString(tmp);
                    }
                    else
                    {
                        w.AddRawString(tmp);
                    }

                    continue;
                }

                ch = Next();
                if (ch == Escape)
                {
                    if (_rawEscapes)
                    {
                        w.AddRawChar((char)ch);
                        sb.Append((char)ch);
                    }

                    ch = Next();
                    if (ch == Eof)
                    {
                        break;
                    }

                    w.AddRawChar((char)ch);
                }
                else
                {
                    w.AddChar((char)ch);
                }

                sb.Append((char)ch);
            }

            if (stop != Eof)
            {
                return false;
            }

            result = sb.ToString();
            words = w.GetWords();
            return true;
        }
        finally
        {
            _rawEscapes = savedRaw;
            _depth--;
        }
    }

    private string ProcessPossibleHeredoc()
    {
        Next();
        if (Peek() != '<')
        {
            return "<";
        }

        Next();
        var sb = new StringBuilder("<<");
        while (Peek() is '\t' or '\r' or ' ')
        {
            sb.Append((char)Next());
        }

        return sb.ToString();
    }

    private string? ProcessSingleQuote()
    {
        var sb = new StringBuilder();
        int ch = Next();
        if (_rawQuotes)
        {
            sb.Append((char)ch);
        }

        while (true)
        {
            ch = Next();
            if (ch == Eof)
            {
                return null;
            }

            if (ch == '\'')
            {
                if (_rawQuotes)
                {
                    sb.Append('\'');
                }

                return sb.ToString();
            }

            sb.Append((char)ch);
        }
    }

    private string? ProcessDoubleQuote()
    {
        var sb = new StringBuilder();
        int ch = Next();
        if (_rawQuotes)
        {
            sb.Append((char)ch);
        }

        while (true)
        {
            switch (Peek())
            {
                case Eof:
                    return null;
                case '"':
                    Next();
                    if (_rawQuotes)
                    {
                        sb.Append('"');
                    }

                    return sb.ToString();
                case '$':
                    var value = ProcessDollar();
                    if (value is null)
                    {
                        return null;
                    }

                    sb.Append(value);
                    break;
                default:
                    ch = Next();
                    if (ch == Escape)
                    {
                        if (_rawEscapes)
                        {
                            sb.Append((char)ch);
                        }

                        int p = Peek();
                        if (p == Eof)
                        {
                            continue;
                        }

                        if (p is '"' or '$' or Escape)
                        {
                            ch = Next();
                        }
                    }

                    sb.Append((char)ch);
                    break;
            }
        }
    }

    private string? ProcessDollar()
    {
        Next();
        if (Peek() != '{')
        {
            string name = ProcessName();
            return name.Length == 0 ? "$" : "$" + name;
        }

        Next();
        switch (Peek())
        {
            case Eof:
            case '{' or '}' or ':':
                return null;
        }

        string n = ProcessName();
        int c = Next();
        if (_legacy)
        {
            return LegacyDollar(n, c);
        }

        switch (c)
        {
            case '}':
                return "${" + n + "}";
            case ':' or '+' or '-' or '?' or '#' or '%':
            {
                string chs = ((char)c).ToString();
                bool nullIsUnset = false;
                if (c == ':')
                {
                    nullIsUnset = true;
                    c = Next();
                    if (c == Eof)
                    {
                        return null;
                    }

                    chs += (char)c;
                }

                bool raw = c is '#' or '%';
                if (nullIsUnset && raw)
                {
                    return null;
                }

                if (!ProcessStopOn('}', raw, out var word, out _))
                {
                    return null;
                }

                return "${" + n + chs + word + "}";
            }

            case '/':
            {
                if (Peek() == '/')
                {
                    Next();
                }

                if (!ProcessStopOn('/', true, out var pattern, out _) || !ProcessStopOn('}', true, out var repl, out _))
                {
                    return null;
                }

                return "${" + n + "/" + pattern + "/" + repl + "}";
            }

            default:
                return null;
        }
    }

    /// <summary>BuildKit v0.11's <c>${...}</c> forms: <c>}</c>, <c>?</c>, <c>:+</c>, <c>:-</c>, <c>:?</c>.</summary>
    private string? LegacyDollar(string name, int c)
    {
        switch (c)
        {
            case '}':
                return "${" + name + "}";
            case '?':
                return ProcessStopOn('}', _rawEscapes, out var w, out _) ? "${" + name + "?" + w + "}" : null;
            case ':':
                int modifier = Next();
                if (!ProcessStopOn('}', _rawEscapes, out var word, out _) || modifier is not ('+' or '-' or '?'))
                {
                    return null;
                }

                return "${" + name + ":" + (char)modifier + word + "}";
            default:
                return null;
        }
    }

    private string ProcessName()
    {
        var sb = new StringBuilder();
        while (Peek() != Eof)
        {
            char ch = (char)Peek();
            if (sb.Length == 0 && char.IsDigit(ch))
            {
                while (Peek() != Eof && char.IsDigit((char)Peek()))
                {
                    sb.Append((char)Next());
                }

                return sb.ToString();
            }

            if (sb.Length == 0 && ch is '@' or '*' or '#' or '?' or '-' or '$' or '!' or '0')
            {
                Next();
                return ch.ToString();
            }

            if (!char.IsLetter(ch) && !char.IsDigit(ch) && ch != '_')
            {
                break;
            }

            sb.Append((char)Next());
        }

        return sb.ToString();
    }

    private sealed class WordsBuilder(StringBuilder buf)
    {
        private readonly StringBuilder _buf = buf;
        private readonly List<string> _words = [];
        private bool _inWord;

        public void AddChar(char ch)
        {
            bool space = GoText.IsSpace(ch);
            if (space && _inWord)
            {
                if (_buf.Length != 0)
                {
                    _words.Add(_buf.ToString());
                    _buf.Clear();
                    _inWord = false;
                }
            }
            else if (!space)
            {
                AddRawChar(ch);
            }
        }

        public void AddRawChar(char ch)
        {
            _buf.Append(ch);
            _inWord = true;
        }

        public void AddString(string s)
        {
            foreach (char c in s)
            {
                AddChar(c);
            }
        }

        public void AddRawString(string s)
        {
            _buf.Append(s);
            _inWord = true;
        }

        public List<string> GetWords()
        {
            if (_buf.Length > 0)
            {
                _words.Add(_buf.ToString());
                _buf.Clear();
                _inWord = false;
            }

            return _words;
        }
    }
}
