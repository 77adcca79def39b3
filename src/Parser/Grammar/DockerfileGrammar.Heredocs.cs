using CSharpFrontend.Parser.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace CSharpFrontend.Parser.Grammar;

/// <summary>Heredoc markers: <c>&lt;&lt;EOF</c>, <c>&lt;&lt;-EOF</c>, <c>3&lt;&lt;"EOF"</c>, several on a line.</summary>
internal sealed partial class DockerfileGrammar
{
    /// <summary>A heredoc marker word, before its name is unquoted: fd digits, chomp, the name as written.</summary>
    internal readonly record struct Marker(string Digits, bool Chomp, string Name);

    private readonly Parser<char, Marker> _heredocMarker;

    /// <summary>
    /// Go regexp <c>^(\d*)&lt;&lt;(-?)\s*([^&lt;]*)$</c> (BuildKit v0.11: no <c>\s*</c>): digits, <c>&lt;&lt;</c>,
    /// an optional <c>-</c>, blanks, and a name without <c>&lt;</c> up to the end of the word.
    /// </summary>
    private static Parser<char, Marker> HeredocMarkerGrammar(bool legacy) =>
        Map(
            (digits, chomp, name) => new Marker(digits, chomp.HasValue, name),
            Run(char.IsAsciiDigit, atLeastOnce: false).Before(String("<<")),
            Char('-').Maybe().Before(legacy ? Return(Unit.Value) : RegexpSpaces),
            Run(c => c != '<', atLeastOnce: false).Before(End));

    /// <summary>The marker a word holds, or null when it is not one (or its name is empty).</summary>
    public Marker? HeredocMarker(string word)
    {
        var r = _heredocMarker.Parse(word);
        return r.Success && r.Value.Name.Length > 0 ? r.Value : null;
    }

    private readonly Parser<char, List<string?>> _heredocCandidates;

    /// <summary>
    /// The words of a line without quotes, escapes or variables that contain <c>&lt;&lt;</c> (the shell lexer's
    /// words, which need no lexer there): blank-separated; current BuildKit keeps blanks right after <c>&lt;&lt;</c>
    /// in the word (<c>&lt;&lt; EOF</c>).
    /// </summary>
    private static Parser<char, List<string?>> HeredocCandidatesGrammar(bool legacy)
    {
        var afterMarker = legacy ? Return(Unit.Value) : CharRun.Many(c => c is ' ' or '\t' or '\r');
        // A word holds a marker when "<<" was read as one (with the blanks after it): the slice then contains "<<".
        var angle = Char('<').Then(Char('<').Then(afterMarker).Maybe(), Ignored);
        var other = CharRun.AtLeastOnce(c => c != '<' && !GoText.IsSpace(c));
        var word = OneOf(angle, other).SkipAtLeastOnce().Slice((span, _) => span.Contains("<<", StringComparison.Ordinal) ? span.ToString() : null);
        return Spaces.Then(Repeated<string?>.Many(word.Before(Spaces)));
    }

    /// <summary>The words of <paramref name="line"/> that may be heredoc markers (see <see cref="HeredocCandidatesGrammar"/>).</summary>
    public List<string> HeredocCandidates(string line)
    {
        var words = _heredocCandidates.ParseOrThrow(line);
        var candidates = new List<string>(words.Count);
        foreach (var word in words)
        {
            if (word is not null)
            {
                candidates.Add(word);
            }
        }

        return candidates;
    }
}
