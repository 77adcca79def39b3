using System.Text;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>The first record of Go's <c>encoding/csv</c> reader (comma separated, double quotes, <c>""</c> escapes).</summary>
public static class GoCsv
{
    /// <summary>The fields of the first line of <paramref name="text"/>.</summary>
    /// <exception cref="FormatException">A quote in an unquoted field or an unterminated quoted field.</exception>
    public static IReadOnlyList<string> ReadRecord(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var i = 0;
        while (true)
        {
            field.Clear();
            if (i < text.Length && text[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new FormatException("record on line 1; parse error on line 2, column 0: extraneous or missing \" in quoted-field");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    field.Append(text[i++]);
                }

                if (i < text.Length && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                {
                    throw new FormatException($"parse error on line 1, column {i + 1}: extraneous or missing \" in quoted-field");
                }
            }
            else
            {
                while (i < text.Length && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
                {
                    if (text[i] == '"')
                    {
                        throw new FormatException($"parse error on line 1, column {i + 1}: bare \" in non-quoted-field");
                    }

                    field.Append(text[i++]);
                }
            }

            fields.Add(field.ToString());
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            return fields;
        }
    }
}
