using System.Globalization;
using System.Text;

namespace CSharpFrontend.Shell.Internal;

/// <summary>Renders a string as a double-quoted, escaped literal the way Go's <c>%q</c> verb does.</summary>
internal static class GoQuote
{
    /// <summary>Returns <paramref name="text"/> quoted and escaped.</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder(text.Length + 2);
        builder.Append('"');
        for (int i = 0; i < text.Length;)
        {
            int cp = CodePoints.Decode(text, i, out int width);
            i += width;
            AppendEscaped(builder, cp);
        }

        builder.Append('"');
        return builder.ToString();
    }

    private static void AppendEscaped(StringBuilder builder, int cp)
    {
        switch (cp)
        {
            case '"':
                builder.Append("\\\"");
                return;
            case '\\':
                builder.Append("\\\\");
                return;
        }

        if (CodePoints.IsPrintable(cp))
        {
            CodePoints.Append(builder, cp);
            return;
        }

        switch (cp)
        {
            case '\a': builder.Append("\\a"); return;
            case '\b': builder.Append("\\b"); return;
            case '\f': builder.Append("\\f"); return;
            case '\n': builder.Append("\\n"); return;
            case '\r': builder.Append("\\r"); return;
            case '\t': builder.Append("\\t"); return;
            case '\v': builder.Append("\\v"); return;
        }

        if (cp < ' ' || cp == 0x7F)
        {
            builder.Append("\\x").Append(cp.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (cp < 0x10000)
        {
            builder.Append("\\u").Append(cp.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            builder.Append("\\U").Append(cp.ToString("x8", CultureInfo.InvariantCulture));
        }
    }
}
