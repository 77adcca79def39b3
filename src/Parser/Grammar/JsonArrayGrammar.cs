using System.Globalization;
using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace CSharpFrontend.Parser.Grammar;

/// <summary>How an instruction's arguments read as a JSON array (BuildKit's <c>parseJSON</c>).</summary>
internal enum JsonArrayOutcome
{
    /// <summary>A JSON array of strings: the exec form.</summary>
    Strings,

    /// <summary>Not JSON: BuildKit falls back to the shell form.</summary>
    NotJson,

    /// <summary>A valid JSON array with an element that is not a string: BuildKit rejects the line.</summary>
    NotStringArray,
}

/// <summary>
/// The JSON form of an instruction's arguments, with the rules of Go's <c>encoding/json</c> as BuildKit uses it:
/// one array, whitespace <c>[ \t\n\r]</c>, strings with <c>\uXXXX</c> surrogate pairs (a lone surrogate becomes
/// U+FFFD), numbers that must fit a float64, nesting limited to 10000. Nested arrays and objects are read by
/// <see cref="NestedJsonValue"/>, which keeps its own stack instead of recursing.
/// </summary>
internal static class JsonArrayGrammar
{
    /// <summary>Go's <c>maxNestingDepth</c>: containers deeper than this make the input invalid.</summary>
    internal const int MaxDepth = 10000;

    /// <summary>An element of the array: its text when it is a string; whether a number did not fit a float64.</summary>
    internal readonly record struct Element(string? Text, bool TypeError);

    internal static readonly Parser<char, Unit> Ws = CharRun.Many(c => c is ' ' or '\t' or '\n' or '\r');

    private static readonly Parser<char, int> HexDigit = Token(char.IsAsciiHexDigit).Mapped(c => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);

    private static readonly Parser<char, int> Hex4 = Map((a, b, c, d) => (a << 12) | (b << 8) | (c << 4) | d, HexDigit, HexDigit, HexDigit, HexDigit);

    private static readonly Parser<char, int> LowSurrogateEscape = Try(String("\\u").Then(Hex4).Where(u => u is >= 0xDC00 and < 0xE000));

    /// <summary><c>\uXXXX</c> after the backslash, with a following low surrogate escape when it is a high one.</summary>
    private static readonly Parser<char, string> UnicodeEscape =
        Char('u').Then(Hex4).Then(
            u => u is >= 0xD800 and < 0xDC00
                ? LowSurrogateEscape.Maybe().Mapped(lo => lo.HasValue ? new string([(char)u, (char)lo.Value]) : "\uFFFD")
                : Return(u is >= 0xDC00 and < 0xE000 ? "\uFFFD" : ((char)u).ToString()),
            (_, s) => s);

    private static readonly Parser<char, string> Escape = Char('\\').Then(OneOf(
        Char('"').ThenReturn("\""),
        Char('\\').ThenReturn("\\"),
        Char('/').ThenReturn("/"),
        Char('b').ThenReturn("\b"),
        Char('f').ThenReturn("\f"),
        Char('n').ThenReturn("\n"),
        Char('r').ThenReturn("\r"),
        Char('t').ThenReturn("\t"),
        UnicodeEscape));

    /// <summary>Unescaped characters: anything but the quote, the backslash and control characters.</summary>
    private static readonly Parser<char, string> Unescaped =
        CharRun.AtLeastOnce(c => c >= 0x20 && c != '"' && c != '\\').Slice((span, _) => ReplaceLoneSurrogates(span));

    internal static readonly Parser<char, string> JsonString =
        Char('"').Then(OneOf(Unescaped, Escape).ManyConcatenated()).Before(Char('"'));

    private static readonly Parser<char, Unit> Digits = CharRun.AtLeastOnce(char.IsAsciiDigit);

    /// <summary>A number; the result is true when it does not fit a float64 (Go's UnmarshalTypeError).</summary>
    internal static readonly Parser<char, bool> JsonNumber =
        Char('-').Maybe()
            .Then(OneOf(Char('0').IgnoreResult(), Token(c => c is >= '1' and <= '9').Then(CharRun.Many(char.IsAsciiDigit))))
            .Then(Char('.').Then(Digits).Maybe())
            .Then(OneOf(Char('e'), Char('E')).Then(OneOf(Char('+'), Char('-')).Maybe()).Then(Digits).Maybe())
            .Slice((span, _) => !double.TryParse(span, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsInfinity(d));

    internal static readonly Parser<char, Unit> JsonLiteral = OneOf(String("true"), String("false"), String("null")).IgnoreResult();

    private static readonly Parser<char, Element> ArrayElement = OneOf(
        JsonString.Mapped(s => new Element(s, false)),
        JsonNumber.Mapped(typeError => new Element(null, typeError)),
        JsonLiteral.Mapped(_ => new Element(null, false)),
        new NestedJsonValue(MaxDepth - 1).Mapped(typeError => new Element(null, typeError)));

    /// <summary><c>[</c>, elements separated by commas, <c>]</c>; blanks around each.</summary>
    private static readonly Parser<char, List<Element>> ArrayBody =
        Char('[').Then(Ws).Then(OneOf(
            Char(']').Mapped(_ => new List<Element>()),
            Repeated<Element>.SeparatedAtLeastOnce(ArrayElement.Before(Ws), Char(',').Then(Ws)).Before(Char(']'))));

    /// <summary>BuildKit v0.24 (<c>json.Unmarshal</c>): nothing but blanks may follow the array.</summary>
    private static readonly Parser<char, List<Element>> WholeInput = Ws.Then(ArrayBody).Before(Ws).Before(End);

    /// <summary>BuildKit v0.11 (a <c>json.Decoder</c>): whatever follows the array is not looked at.</summary>
    private static readonly Parser<char, List<Element>> Prefix = Ws.Then(ArrayBody);

    /// <summary>Reads <paramref name="text"/> (left-trimmed, starting with <c>[</c>) as BuildKit's parseJSON does.</summary>
    public static JsonArrayOutcome Parse(string text, bool ignoreTrailing, out List<string> items)
    {
        items = [];
        if (!text.StartsWith('['))
        {
            return JsonArrayOutcome.NotJson;
        }

        var result = (ignoreTrailing ? Prefix : WholeInput).Parse(text);
        if (!result.Success)
        {
            return JsonArrayOutcome.NotJson;
        }

        bool allStrings = true;
        foreach (var e in result.Value)
        {
            if (e.TypeError)
            {
                return JsonArrayOutcome.NotJson;
            }

            if (e.Text is null)
            {
                allStrings = false;
            }
            else
            {
                items.Add(e.Text);
            }
        }

        return allStrings ? JsonArrayOutcome.Strings : JsonArrayOutcome.NotStringArray;
    }

    private static string ReplaceLoneSurrogates(ReadOnlySpan<char> s)
    {
        if (!s.ContainsAnyInRange('\uD800', '\uDFFF'))
        {
            return s.ToString();
        }

        var chars = s.ToArray();
        for (int i = 0; i < chars.Length; i++)
        {
            if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(chars[i]))
            {
                chars[i] = '\uFFFD';
            }
        }

        return new string(chars);
    }
}
