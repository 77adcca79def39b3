using System.Collections.Immutable;
using CSharpFrontend.Parser.Text;

namespace CSharpFrontend.Parser.Syntax;

/// <summary>Tracks parser directives at the top of the file and the escape token they set.</summary>
/// <param name="legacy">BuildKit v0.11: only <c>syntax</c> and <c>escape</c> are directives (<c>check</c> came later).</param>
internal sealed class DirectiveState(bool legacy = false)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly ImmutableArray<ParserDirective>.Builder _directives = ImmutableArray.CreateBuilder<ParserDirective>();
    private bool _done;

    public char EscapeToken { get; private set; } = '\\';

    /// <summary>False once the first non-directive line was seen.</summary>
    public bool Active => !_done;

    public ImmutableArray<ParserDirective> Directives => _directives.ToImmutable();

    /// <summary>Examines a line (newline and leading blanks removed); true when it is a directive.</summary>
    public bool Examine(string token, int lineNumber)
    {
        if (_done)
        {
            return false;
        }

        if (!token.StartsWith('#'))
        {
            _done = true;
            return false;
        }

        if (!TryMatch(GoText.TrimLeftSpace(token[1..]), out var name, out var value))
        {
            _done = true;
            return false;
        }

        var key = name.ToLowerInvariant();
        if (key is not ("syntax" or "escape") && (legacy || key != "check"))
        {
            _done = true;
            return false;
        }

        var range = new SourceRange(new SourcePosition(lineNumber, 1), new SourcePosition(lineNumber, token.Length + 1));
        if (!_seen.Add(key))
        {
            throw ParseException.Syntax(DiagnosticCodes.InvalidDirective, $"only one {key} parser directive can be used", range);
        }

        if (key == "escape")
        {
            if (value is not ("`" or "\\"))
            {
                throw ParseException.Syntax(DiagnosticCodes.InvalidDirective, $"invalid escape token '{value}' does not match ` or \\", range);
            }

            EscapeToken = value[0];
        }

        _directives.Add(new ParserDirective(key, value, range));
        return true;
    }

    /// <summary>Go regexp <c>^([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$</c>.</summary>
    private static bool TryMatch(string s, out string name, out string value)
    {
        name = value = string.Empty;
        static bool GoWs(char c) => c is ' ' or '\t' or '\n' or '\f' or '\r';
        int i = 0;
        if (i >= s.Length || !char.IsAsciiLetter(s[i]))
        {
            return false;
        }

        while (i < s.Length && char.IsAsciiLetterOrDigit(s[i]))
        {
            i++;
        }

        name = s[..i];
        while (i < s.Length && GoWs(s[i]))
        {
            i++;
        }

        if (i >= s.Length || s[i] != '=')
        {
            return false;
        }

        i++;
        while (i < s.Length && GoWs(s[i]))
        {
            i++;
        }

        int end = s.Length;
        while (end > i && GoWs(s[end - 1]))
        {
            end--;
        }

        if (end <= i)
        {
            // Only blanks after '=': the lazy group takes the last one.
            if (s.Length == 0 || s[^1] == '\n' || s.Length <= name.Length || !s.AsSpan(name.Length).Contains('='))
            {
                return false;
            }

            int eq = s.IndexOf('=', name.Length);
            if (eq == s.Length - 1)
            {
                return false;
            }

            value = s[^1..];
            return true;
        }

        value = s[i..end];
        return true;
    }
}
