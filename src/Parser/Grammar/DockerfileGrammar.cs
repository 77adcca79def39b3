using System.Collections.Immutable;
using CSharpFrontend.Parser.Text;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace CSharpFrontend.Parser.Grammar;

/// <summary>
/// The grammar of a Dockerfile, bottom-up, as Pidgin parsers; what each reads and BuildKit's name for it
/// (frontend/dockerfile/parser). The line layer (<c>SyntaxParser</c>) hands it logical lines: comments removed,
/// continuations joined. Everything whose reading depends on the escape token or the dialect is an instance member
/// (one instance per escape token and dialect); the rest is static.
/// </summary>
internal sealed partial class DockerfileGrammar
{
    // ---------------------------------------------------------------------------------------------------------
    // Characters: the classes of Go's unicode.IsSpace, regexp \s and BuildKit's reWhitespace.
    // ---------------------------------------------------------------------------------------------------------

    /// <summary>Go <c>unicode.IsSpace</c>, zero or more.</summary>
    private static readonly Parser<char, Unit> Spaces = CharRun.Many(GoText.IsSpace);

    /// <summary>Go regexp <c>\s</c> (<c>[\t\n\f\r ]</c>), zero or more.</summary>
    private static readonly Parser<char, Unit> RegexpSpaces = CharRun.Many(IsRegexpSpace);

    /// <summary>BuildKit's <c>reWhitespace</c>, <c>[\t\v\f\r ]+</c>: what separates whitespace-delimited words.</summary>
    private static readonly Parser<char, Unit> Blanks = CharRun.AtLeastOnce(GoText.IsSplitBlank);

    /// <summary>A run of characters that are not <see cref="Blanks"/>.</summary>
    private static readonly Parser<char, string> NonBlanks = Run(c => !GoText.IsSplitBlank(c), atLeastOnce: true);

    /// <summary>
    /// The result of <c>a.Then(b, Ignored)</c>: both read, nothing kept. It stands for <c>a.Then(b).IgnoreResult()</c>,
    /// whose <c>Select</c> over Pidgin's mapped parser is a generic virtual call (see <see cref="OptionalItem{T}"/>).
    /// </summary>
    private static Unit Ignored<TFirst, TSecond>(TFirst first, TSecond second) => Unit.Value;

    /// <summary>The text of a run of characters matching <paramref name="predicate"/>.</summary>
    private static Parser<char, string> Run(Func<char, bool> predicate, bool atLeastOnce) =>
        (atLeastOnce ? CharRun.AtLeastOnce(predicate) : CharRun.Many(predicate)).Slice((span, _) => span.ToString());

    // ---------------------------------------------------------------------------------------------------------
    // Parser directives: # name = value, at the top of the file (DirectiveParser).
    // Go regexp ^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.+?)\s*$ ; the value keeps at least one character.
    // ---------------------------------------------------------------------------------------------------------

    private static readonly Parser<char, string> DirectiveName =
        Token(char.IsAsciiLetter).Then(Run(char.IsAsciiLetterOrDigit, atLeastOnce: false), (first, rest) => first + rest);

    private static readonly Parser<char, (string Name, string Value)> DirectiveLine =
        Char('#').Then(RegexpSpaces).Then(DirectiveName).Before(RegexpSpaces).Before(Char('='))
            .Then(CharRun.Many(_ => true).Slice((span, _) => DirectiveValue(span.ToString())), (name, value) => (name, value))
            .Assert(d => d.value is not null)
            .Select(d => (d.name, d.value!));

    /// <summary>The directive on a line (leading blanks removed), or null when it is not one.</summary>
    public static (string Name, string Value)? Directive(string line)
    {
        if (!line.StartsWith('#'))
        {
            return null;
        }

        var r = DirectiveLine.Parse(line);
        return r.Success ? r.Value : null;
    }

    /// <summary>
    /// <c>\s*(.+?)\s*$</c> after the <c>=</c>: the text without surrounding <c>\s</c>; when that leaves nothing, the
    /// lazy group still takes the last blank; null when there is no character at all.
    /// </summary>
    private static string? DirectiveValue(string afterEquals)
    {
        var trimmed = afterEquals.AsSpan().Trim("\t\n\f\r ");
        return trimmed.Length > 0 ? trimmed.ToString() : afterEquals.Length > 0 ? afterEquals[^1..] : null;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Instruction line: KEYWORD [blanks flags] arguments (splitCommand). The keyword ends at the first
    // reWhitespace blank; the arguments are the rest with unicode spaces trimmed.
    // ---------------------------------------------------------------------------------------------------------

    private static readonly Parser<char, (string Keyword, int Arguments)> CommandLine =
        CharRun.Many(c => !GoText.IsSplitBlank(c)).Slice((span, _) => Keywords.Share(span))
            .Before(Blanks.Maybe()).Then(CurrentOffset, (keyword, arguments) => (keyword, arguments));

    /// <summary>Splits a trimmed logical line into keyword, flags and (trimmed) argument text.</summary>
    public (string Keyword, ImmutableArray<string> Flags, string Args) SplitCommand(string line)
    {
        var (keyword, arguments) = CommandLine.ParseOrThrow(line);
        string rest = line[arguments..];
        if (rest.Length == 0)
        {
            return (keyword, [], string.Empty);
        }

        var (flags, args) = ExtractFlags(rest);
        return (keyword, flags, GoText.TrimSpace(args));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Flags: --name[=value] words before the arguments (extractBuilderFlags). BuildKit reads them byte by byte, so
    // the grammar runs over the UTF-8 bytes seen as Latin-1 characters (ByteView); quotes are removed, the escape
    // token takes the next character as is; a "--" word ends the flags.
    // ---------------------------------------------------------------------------------------------------------

    /// <summary>A flag word and the view position after it and the blanks that follow.</summary>
    /// <remarks>A class, not a tuple: NativeAOT cannot expand Pidgin's repetition generics over value types.</remarks>
    private sealed record FlagWord(string Text, int End);

    private readonly Parser<char, FlagWord> _flagWord;

    private Parser<char, FlagWord> FlagWordGrammar(char escape)
    {
        var escaped = Char(escape).Then(Any.Maybe(), (_, c) => c.HasValue ? c.Value.ToString() : string.Empty);
        Parser<char, string> Quoted(char quote) =>
            Char(quote).Then(OneOf(escaped, Run(c => c != quote && c != escape, atLeastOnce: true)).ManyConcatenated()).Before(Char(quote).Maybe());
        var plain = Run(c => !ByteView.IsSpace(c) && c is not '\'' and not '"' && c != escape, atLeastOnce: true);
        var word = Lookahead(Try(String("--"))).Then(OneOf(plain, Quoted('"'), Quoted('\''), escaped).AtLeastOnceConcatenated());
        return word.Before(CharRun.Many(ByteView.IsSpace)).Then(CurrentOffset, (w, end) => new FlagWord(w, end));
    }

    private static readonly Parser<char, Unit> ByteSpaces = CharRun.Many(ByteView.IsSpace);

    /// <summary>The flag words, up to and with the <c>--</c> word that ends them.</summary>
    private readonly Parser<char, List<FlagWord>> _flags;

    /// <summary>The flag words at the start of <paramref name="text"/> and the text after them.</summary>
    private (ImmutableArray<string> Flags, string Remainder) ExtractFlags(string text)
    {
        int first = 0;
        while (first < text.Length && text[first] < 0x80 && ByteView.IsSpace(text[first]))
        {
            first++;
        }

        if (string.CompareOrdinal(text, first, "--", 0, 2) != 0)
        {
            return ([], first == 0 ? text : text[first..]);
        }

        var view = ByteView.Of(text);
        // The text starts with "--" after blanks: there is at least one word.
        var words = _flags.ParseOrThrow(view.Text);
        var flags = ImmutableArray.CreateBuilder<string>(words.Count);
        foreach (var word in words)
        {
            if (word.Text != "--")
            {
                flags.Add(word.Text);
            }
        }

        int end = words.Count == 0 ? 0 : words[^1].End;
        return (flags.ToImmutable(), view.Rest(end));
    }

    // ---------------------------------------------------------------------------------------------------------
    // Words (parseWords): blank-separated, quotes and escapes kept in the word; inside '...' the escape token is
    // an ordinary character; an escape token at the very end is dropped.
    // ---------------------------------------------------------------------------------------------------------

    private readonly Parser<char, List<string>> _words;

    private static Parser<char, List<string>> WordsGrammar(char escape)
    {
        var pair = Try(Char(escape).Then(Any)).IgnoreResult();
        var doubleQuoted = Char('"').Then(OneOf(pair, CharRun.AtLeastOnce(c => c != '"' && c != escape)).SkipMany()).Then(Char('"').Maybe(), Ignored);
        var singleQuoted = Char('\'').Then(CharRun.Many(c => c != '\'')).Then(Char('\'').Maybe(), Ignored);
        var plain = CharRun.AtLeastOnce(c => !GoText.IsSpace(c) && c is not '"' and not '\'' && c != escape);
        var word = OneOf(plain, doubleQuoted, singleQuoted, pair).SkipAtLeastOnce().Slice((span, _) => span.ToString());
        var loneEscape = Char(escape).Maybe();
        return Spaces.Then(Repeated<string>.Many(word.Before(loneEscape).Before(Spaces)));
    }

    /// <summary>The words of <paramref name="text"/> (ARG, and ENV/LABEL before the pairs are split).</summary>
    public List<string> Words(string text) => _words.ParseOrThrow(text);

    /// <summary>
    /// Whitespace-delimited words (parseStringsWhitespaceDelimited): FROM, EXPOSE, and COPY/ADD/VOLUME in shell form.
    /// The text is trimmed, so it starts with a word.
    /// </summary>
    private static readonly Parser<char, List<string>> WhitespaceDelimitedWords = Repeated<string>.SeparatedAtLeastOnce(NonBlanks, Blanks);

    public static ImmutableArray<string> WhitespaceDelimited(string text) =>
        text.Length == 0 ? [] : [.. WhitespaceDelimitedWords.ParseOrThrow(text)];

    /// <summary>The legacy <c>KEY value</c> form of ENV/LABEL: the first word, blanks, then everything else.</summary>
    private static readonly Parser<char, (string Key, int Value)> LegacyPair =
        NonBlanks.Then(Blanks.Then(CurrentOffset).Maybe(), (key, value) => (key, value.GetValueOrDefault(-1)));

    public static (string Key, string Value)? LegacyKeyValue(string text) =>
        LegacyPair.ParseOrThrow(text) is var (key, value) && value >= 0 ? (key, text[value..]) : null;

    // ---------------------------------------------------------------------------------------------------------
    // Construction, one instance per escape token and dialect.
    // ---------------------------------------------------------------------------------------------------------

    /// <summary>The instances, made when first needed (a process that parses one file builds one).</summary>
    private static readonly DockerfileGrammar?[] Instances = new DockerfileGrammar?[4];

    private DockerfileGrammar(char escape, bool legacy)
    {
        Escape = escape;
        Legacy = legacy;

        // BuildKit v0.11 reads flags with '\' whatever the escape directive says.
        _flagWord = FlagWordGrammar(legacy ? '\\' : escape);
        _flags = Repeated<FlagWord>.Until(ByteSpaces.Then(_flagWord), word => word.Text == "--");
        _words = WordsGrammar(escape);
        _heredocCandidates = HeredocCandidatesGrammar(legacy);
        _heredocMarker = HeredocMarkerGrammar(legacy);
    }

    /// <summary>The escape token the words are read with.</summary>
    public char Escape { get; }

    /// <summary>BuildKit v0.11's reading.</summary>
    public bool Legacy { get; }

    /// <summary>The grammar for an escape token and dialect.</summary>
    public static DockerfileGrammar For(char escape, bool legacy)
    {
        int i = (escape == '`' ? 1 : 0) + (legacy ? 2 : 0);
        return Volatile.Read(ref Instances[i]) ?? Interlocked.CompareExchange(ref Instances[i], new DockerfileGrammar(escape == '`' ? '`' : '\\', legacy), null) ?? Instances[i]!;
    }

    private static bool IsRegexpSpace(char c) => c is '\t' or '\n' or '\f' or '\r' or ' ';
}
