using System.Text;

namespace CSharpFrontend.Frontend.Dump;

/// <summary>Text inside Graphviz DOT double-quoted strings (labels, tooltips, ids).</summary>
internal static class DotText
{
    /// <summary>Longest line kept in a label, in characters; longer lines end in an ellipsis.</summary>
    public const int MaxLineLength = 100;

    /// <summary>Most lines kept in a label; the last kept line says how many were left out.</summary>
    public const int MaxLines = 8;

    /// <summary>
    /// A quoted DOT string whose rendered text is <paramref name="text"/>: quotes and backslashes escaped,
    /// <c>&amp;</c> written as an entity (Graphviz decodes entities in labels), line breaks as <c>\n</c>,
    /// other control characters as spaces.
    /// </summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2).Append('"');
        foreach (var c in InvalidUtf8.ForDisplay(text))
        {
            switch (c)
            {
                case '"':
                    builder.Append("\\\"");
                    break;
                case '\\':
                    builder.Append("\\\\");
                    break;
                case '&':
                    builder.Append("&amp;");
                    break;
                case '\n':
                    builder.Append("\\n");
                    break;
                case '\r':
                    break;
                default:
                    builder.Append(char.IsControl(c) ? ' ' : c);
                    break;
            }
        }

        return builder.Append('"').ToString();
    }

    /// <summary>A label cut to <see cref="MaxLines"/> lines of at most <see cref="MaxLineLength"/> characters.</summary>
    public static string Shorten(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var kept = lines.Take(MaxLines).Select(ShortenLine).ToList();
        if (lines.Length > MaxLines)
        {
            kept[^1] = $"… ({lines.Length - MaxLines + 1} more lines)";
        }

        return string.Join('\n', kept);
    }

    private static string ShortenLine(string line)
    {
        if (line.Length <= MaxLineLength)
        {
            return line;
        }

        var cut = MaxLineLength - 1;
        if (char.IsLowSurrogate(line[cut]))
        {
            cut--;
        }

        return line[..cut] + "…";
    }
}
