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

        if (Grammar.DockerfileGrammar.Directive(token) is not { } directive)
        {
            _done = true;
            return false;
        }

        var (name, value) = directive;
        var key = name.ToLowerInvariant();
        if (key is not ("syntax" or "escape") && (legacy || key != "check"))
        {
            _done = true;
            return false;
        }

        var range = new SourceRange(new SourcePosition(lineNumber, 1), new SourcePosition(lineNumber, token.Length + 1));

        // BuildKit locates a directive error on the line before it (its line counter advances after the check).
        var errorRange = SourceRange.Lines(lineNumber - 1, lineNumber - 1);
        if (!_seen.Add(key))
        {
            throw ParseException.Syntax(DiagnosticCodes.InvalidDirective, $"only one {key} parser directive can be used", errorRange);
        }

        if (key == "escape")
        {
            if (value is not ("`" or "\\"))
            {
                throw ParseException.Syntax(DiagnosticCodes.InvalidDirective, $"invalid escape token '{value}' does not match ` or \\", errorRange);
            }

            EscapeToken = value[0];
        }

        _directives.Add(new ParserDirective(key, value, range));
        return true;
    }
}
