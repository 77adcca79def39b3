using System.Text;

namespace CSharpFrontend.Converter.Llb;

/// <summary>Go's <c>encoding/json</c> output for strings and string arrays, which BuildKit puts into source attrs.</summary>
public static class GoJson
{
    /// <summary><c>["a","b"]</c>, or <c>null</c> for no array.</summary>
    public static string StringArray(IEnumerable<string>? values)
    {
        if (values is null)
        {
            return "null";
        }

        var text = new StringBuilder("[");
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                text.Append(',');
            }

            first = false;
            AppendString(text, value);
        }

        return text.Append(']').ToString();
    }

    public static string String(string value) => AppendString(new StringBuilder(), value).ToString();

    /// <summary>Go escapes quotes, backslashes, control characters, <c>&lt; &gt; &amp;</c> and U+2028/U+2029.</summary>
    public static StringBuilder AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    text.Append("\\u").Append(((int)c).ToString("x4"));
                    break;
                default:
                    if (c < 0x20)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4"));
                    }
                    else if (char.IsSurrogate(c) && !(char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1])))
                    {
                        text.Append('\ufffd');
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        return text.Append('"');
    }
}
