using System.Globalization;
using System.Text;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// Writes JSON text the way Go's <c>encoding/json</c> does: <c>json.Marshal</c> (compact) or
/// <c>json.MarshalIndent(v, "", indent)</c>, with Go's string escaping.
/// </summary>
internal sealed class GoJsonBuilder
{
    private readonly StringBuilder _text = new();
    private readonly string? _indent;
    private readonly Stack<bool> _hasItems = new();
    private bool _afterName;

    public GoJsonBuilder(string? indent) => _indent = indent;

    public GoJsonBuilder BeginObject() => Open('{');

    public GoJsonBuilder EndObject() => Close('}');

    public GoJsonBuilder BeginArray() => Open('[');

    public GoJsonBuilder EndArray() => Close(']');

    public GoJsonBuilder Name(string name)
    {
        BeforeValue();
        AppendString(_text, name);
        _text.Append(_indent is null ? ":" : ": ");
        _afterName = true;
        return this;
    }

    public GoJsonBuilder String(string value)
    {
        BeforeValue();
        AppendString(_text, value);
        return this;
    }

    public GoJsonBuilder Number(long value)
    {
        BeforeValue();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
        return this;
    }

    public GoJsonBuilder Bool(bool value)
    {
        BeforeValue();
        _text.Append(value ? "true" : "false");
        return this;
    }

    public GoJsonBuilder Null()
    {
        BeforeValue();
        _text.Append("null");
        return this;
    }

    public GoJsonBuilder StringArray(IEnumerable<string> values)
    {
        BeginArray();
        foreach (var value in values)
        {
            String(value);
        }

        return EndArray();
    }

    public override string ToString() => _text.ToString();

    /// <summary>Go's string encoding: <c>" \\</c>, <c>\n \r \t</c>, other controls as <c>\u00XX</c>,
    /// <c>&lt; &gt; &amp;</c> and U+2028/U+2029 as <c>\uXXXX</c>; an unpaired surrogate (Go: an invalid UTF-8 byte) is written <c>\ufffd</c>.</summary>
    public static StringBuilder AppendString(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '<' or '>' or '&' or '\u2028' or '\u2029':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                case < ' ':
                    text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
                    {
                        text.Append(c).Append(value[++i]);
                    }
                    else if (char.IsSurrogate(c))
                    {
                        text.Append("\\ufffd");
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

    private GoJsonBuilder Open(char bracket)
    {
        BeforeValue();
        _text.Append(bracket);
        _hasItems.Push(false);
        return this;
    }

    private GoJsonBuilder Close(char bracket)
    {
        if (_hasItems.Pop())
        {
            NewLine(_hasItems.Count);
        }

        _text.Append(bracket);
        return this;
    }

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }

        if (_hasItems.Count == 0)
        {
            return;
        }

        if (_hasItems.Peek())
        {
            _text.Append(',');
        }
        else
        {
            _hasItems.Pop();
            _hasItems.Push(true);
        }

        NewLine(_hasItems.Count);
    }

    private void NewLine(int depth)
    {
        if (_indent is null)
        {
            return;
        }

        _text.Append('\n');
        for (var i = 0; i < depth; i++)
        {
            _text.Append(_indent);
        }
    }
}
