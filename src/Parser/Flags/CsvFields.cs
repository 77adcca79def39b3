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
        Quoted.Or(Bare).Separated(Char(',')).Before(End);

    /// <summary>The fields, or an error message worded like Go's csv reader.</summary>
    public static (List<string>? Fields, string? Error) Split(string value)
    {
        if (value.Length == 0)
        {
            return ([], null);
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

        // Find the offending field to word the error as Go does.
        int fieldStart = 0;
        bool inQuotes = false;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < value.Length && value[i + 1] == '"')
                    {
                        i++;
                        continue;
                    }

                    inQuotes = false;
                    if (i + 1 < value.Length && value[i + 1] != ',')
                    {
                        return (null, $"parse error on line 1, column {i + 2}: extraneous or missing \" in quoted-field");
                    }
                }

                continue;
            }

            if (c == ',')
            {
                fieldStart = i + 1;
                continue;
            }

            if (c == '"')
            {
                if (i == fieldStart)
                {
                    inQuotes = true;
                    continue;
                }

                return (null, $"parse error on line 1, column {i + 1}: bare \" in non-quoted-field");
            }
        }

        return (null, $"parse error on line 1, column {value.Length + 1}: extraneous or missing \" in quoted-field");
    }
}
