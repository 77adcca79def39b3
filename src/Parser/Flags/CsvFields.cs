using Pidgin;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace CSharpFrontend.Parser.Flags;

/// <summary>Splits one CSV record (a <c>--mount</c> value) into fields, with Go <c>encoding/csv</c> quoting rules.</summary>
internal static class CsvFields
{
    private static readonly Parser<char, string> Quoted =
        Char('"')
            .Then(OneOf(Try(String("\"\"")).ThenReturn('"'), AnyCharExcept('"')).ManyString())
            .Before(Char('"'));

    private static readonly Parser<char, string> Bare = AnyCharExcept(',', '"').ManyString();

    private static readonly Parser<char, IEnumerable<string>> Record =
        Quoted.Or(Bare).SeparatedAtLeastOnce(Char(',')).Before(End);

    /// <summary>The fields, or an error message worded like BuildKit's CSV reader (Go <c>csv.ParseError</c>, byte columns).</summary>
    public static (List<string>? Fields, string? Error) Split(string value)
    {
        if (value.Length == 0)
        {
            return (null, "EOF");
        }

        if (!value.Contains('"'))
        {
            return ([.. value.Split(',')], null);
        }

        var result = Record.Parse(value);
        if (result.Success)
        {
            return ([.. result.Value], null);
        }

        return (null, Error(value));
    }

    /// <summary>Locates the first CSV error the way the reader does: scanning fields left to right.</summary>
    private static string Error(string line)
    {
        int pos = 0;
        while (true)
        {
            if (pos >= line.Length || line[pos] != '"')
            {
                int comma = line.IndexOf(',', pos);
                int end = comma < 0 ? line.Length : comma;
                int quote = line.IndexOf('"', pos, end - pos);
                if (quote >= 0)
                {
                    return Format(line, quote, "bare \" in non-quoted-field");
                }

                if (comma < 0)
                {
                    return "internal: no CSV error found";
                }

                pos = comma + 1;
                continue;
            }

            pos++;
            while (true)
            {
                int close = line.IndexOf('"', pos);
                if (close < 0)
                {
                    return Format(line, pos, "extraneous or missing \" in quoted-field");
                }

                pos = close + 1;
                if (pos < line.Length && line[pos] == '"')
                {
                    pos++;
                    continue;
                }

                if (pos < line.Length && line[pos] == ',')
                {
                    pos++;
                    break;
                }

                if (pos >= line.Length)
                {
                    return "internal: no CSV error found";
                }

                return Format(line, close, "extraneous or missing \" in quoted-field");
            }
        }
    }

    private static string Format(string line, int charIndex, string message) =>
        $"parse error on line 1, column {Text.GoText.Utf8Length(line, 0, charIndex) + 1}: {message}";
}
