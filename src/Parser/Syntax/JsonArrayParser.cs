using System.Runtime.CompilerServices;
using System.Globalization;
using System.Text;

namespace CSharpFrontend.Parser.Syntax;

/// <summary>Outcome of reading an instruction's arguments as a JSON array.</summary>
internal enum JsonArrayOutcome
{
    /// <summary>A JSON array of strings.</summary>
    Strings,

    /// <summary>Not JSON (BuildKit falls back to the shell form).</summary>
    NotJson,

    /// <summary>Valid JSON array with a non-string element (BuildKit rejects the line).</summary>
    NotStringArray,
}

/// <summary>
/// Reads a JSON array with the rules of Go's <c>encoding/json</c> as BuildKit uses it (whole input must be one
/// array; nesting limited to 10000; numbers that do not fit a float64 make the decode fail). Iterative.
/// </summary>
internal static class JsonArrayParser
{
    private const int MaxDepth = 10000;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    /// <param name="text">The arguments.</param>
    /// <param name="ignoreTrailing">BuildKit v0.11 (a JSON decoder): text after the array is not looked at.</param>
    /// <param name="items">The strings.</param>
    public static JsonArrayOutcome Parse(string text, bool ignoreTrailing, out List<string> items)
    {
        items = [];
        int pos = 0;
        SkipWs(text, ref pos);
        if (pos >= text.Length || text[pos] != '[')
        {
            return JsonArrayOutcome.NotJson;
        }

        pos++;
        bool allStrings = true;
        bool typeError = false;
        SkipWs(text, ref pos);
        if (pos < text.Length && text[pos] == ']')
        {
            pos++;
        }
        else
        {
            while (true)
            {
                SkipWs(text, ref pos);
                if (pos < text.Length && text[pos] == '"')
                {
                    var s = ReadString(text, ref pos);
                    if (s is null)
                    {
                        return JsonArrayOutcome.NotJson;
                    }

                    items.Add(s);
                }
                else
                {
                    allStrings = false;
                    if (!SkipValue(text, ref pos, ref typeError))
                    {
                        return JsonArrayOutcome.NotJson;
                    }
                }

                SkipWs(text, ref pos);
                if (pos >= text.Length)
                {
                    return JsonArrayOutcome.NotJson;
                }

                if (text[pos] == ',')
                {
                    pos++;
                    continue;
                }

                if (text[pos] == ']')
                {
                    pos++;
                    break;
                }

                return JsonArrayOutcome.NotJson;
            }
        }

        SkipWs(text, ref pos);
        if ((pos != text.Length && !ignoreTrailing) || typeError)
        {
            return JsonArrayOutcome.NotJson;
        }

        return allStrings ? JsonArrayOutcome.Strings : JsonArrayOutcome.NotStringArray;
    }

    private static void SkipWs(string t, ref int pos)
    {
        while (pos < t.Length && t[pos] is ' ' or '\t' or '\n' or '\r')
        {
            pos++;
        }
    }

    /// <summary>Skips one JSON value (not a top-level string already handled); iterative over nesting.</summary>
    private static bool SkipValue(string t, ref int pos, ref bool typeError)
    {
        // Stack of containers: true = object, false = array.
        var stack = new Stack<bool>();
        while (true)
        {
            SkipWs(t, ref pos);
            if (pos >= t.Length)
            {
                return false;
            }

            char c = t[pos];
            bool valueDone;
            if (c == '[' || c == '{')
            {
                if (stack.Count + 2 > MaxDepth)
                {
                    return false;
                }

                pos++;
                SkipWs(t, ref pos);
                bool isObject = c == '{';
                if (pos < t.Length && t[pos] == (isObject ? '}' : ']'))
                {
                    pos++;
                    valueDone = true;
                }
                else
                {
                    stack.Push(isObject);
                    if (isObject && !ReadKey(t, ref pos))
                    {
                        return false;
                    }

                    continue;
                }
            }
            else if (c == '"')
            {
                if (ReadString(t, ref pos) is null)
                {
                    return false;
                }

                valueDone = true;
            }
            else if (c == '-' || (c >= '0' && c <= '9'))
            {
                if (!ReadNumber(t, ref pos, ref typeError))
                {
                    return false;
                }

                valueDone = true;
            }
            else if (Literal(t, ref pos, "true") || Literal(t, ref pos, "false") || Literal(t, ref pos, "null"))
            {
                valueDone = true;
            }
            else
            {
                return false;
            }

            // After a complete value: close containers or move to the next element.
            while (valueDone)
            {
                if (stack.Count == 0)
                {
                    return true;
                }

                SkipWs(t, ref pos);
                if (pos >= t.Length)
                {
                    return false;
                }

                bool isObject = stack.Peek();
                if (t[pos] == ',')
                {
                    pos++;
                    if (isObject && !ReadKey(t, ref pos))
                    {
                        return false;
                    }

                    valueDone = false;
                }
                else if (t[pos] == (isObject ? '}' : ']'))
                {
                    pos++;
                    stack.Pop();
                }
                else
                {
                    return false;
                }
            }
        }
    }

    private static bool ReadKey(string t, ref int pos)
    {
        SkipWs(t, ref pos);
        if (pos >= t.Length || t[pos] != '"' || ReadString(t, ref pos) is null)
        {
            return false;
        }

        SkipWs(t, ref pos);
        if (pos >= t.Length || t[pos] != ':')
        {
            return false;
        }

        pos++;
        return true;
    }

    private static bool Literal(string t, ref int pos, string lit)
    {
        if (string.CompareOrdinal(t, pos, lit, 0, lit.Length) == 0)
        {
            pos += lit.Length;
            return true;
        }

        return false;
    }

    private static bool ReadNumber(string t, ref int pos, ref bool typeError)
    {
        int start = pos;
        if (t[pos] == '-')
        {
            pos++;
        }

        if (pos >= t.Length)
        {
            return false;
        }

        if (t[pos] == '0')
        {
            pos++;
        }
        else if (t[pos] >= '1' && t[pos] <= '9')
        {
            while (pos < t.Length && char.IsAsciiDigit(t[pos]))
            {
                pos++;
            }
        }
        else
        {
            return false;
        }

        if (pos < t.Length && t[pos] == '.')
        {
            pos++;
            if (pos >= t.Length || !char.IsAsciiDigit(t[pos]))
            {
                return false;
            }

            while (pos < t.Length && char.IsAsciiDigit(t[pos]))
            {
                pos++;
            }
        }

        if (pos < t.Length && t[pos] is 'e' or 'E')
        {
            pos++;
            if (pos < t.Length && t[pos] is '+' or '-')
            {
                pos++;
            }

            if (pos >= t.Length || !char.IsAsciiDigit(t[pos]))
            {
                return false;
            }

            while (pos < t.Length && char.IsAsciiDigit(t[pos]))
            {
                pos++;
            }
        }

        if (!double.TryParse(t.AsSpan(start, pos - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) || double.IsInfinity(d))
        {
            typeError = true;
        }

        return true;
    }

    /// <summary>Reads a JSON string starting at the opening quote; null when malformed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static string? ReadString(string t, ref int pos)
    {
        pos++;
        StringBuilder? sb = null;
        int runStart = pos;
        while (pos < t.Length)
        {
            char c = t[pos];
            if (c == '"')
            {
                string result = sb is null ? t[runStart..pos] : sb.Append(t, runStart, pos - runStart).ToString();
                pos++;
                return result;
            }

            if (c < 0x20)
            {
                return null;
            }

            if (char.IsSurrogate(c))
            {
                bool pair = char.IsHighSurrogate(c) && pos + 1 < t.Length && char.IsLowSurrogate(t[pos + 1]);
                if (!pair)
                {
                    sb ??= new StringBuilder();
                    sb.Append(t, runStart, pos - runStart).Append('\uFFFD');
                    pos++;
                    runStart = pos;
                    continue;
                }

                pos += 2;
                continue;
            }

            if (c != '\\')
            {
                pos++;
                continue;
            }

            sb ??= new StringBuilder();
            sb.Append(t, runStart, pos - runStart);
            pos++;
            if (pos >= t.Length)
            {
                return null;
            }

            char e = t[pos++];
            switch (e)
            {
                case '"': sb.Append('"'); break;
                case '\\': sb.Append('\\'); break;
                case '/': sb.Append('/'); break;
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u':
                    if (!Hex4(t, pos, out int u))
                    {
                        return null;
                    }

                    pos += 4;
                    if (u >= 0xD800 && u < 0xDC00)
                    {
                        if (pos + 6 <= t.Length && t[pos] == '\\' && t[pos + 1] == 'u' && Hex4(t, pos + 2, out int lo) && lo >= 0xDC00 && lo < 0xE000)
                        {
                            sb.Append((char)u).Append((char)lo);
                            pos += 6;
                        }
                        else
                        {
                            sb.Append('\uFFFD');
                        }
                    }
                    else if (u >= 0xDC00 && u < 0xE000)
                    {
                        sb.Append('\uFFFD');
                    }
                    else
                    {
                        sb.Append((char)u);
                    }

                    break;
                default:
                    return null;
            }

            runStart = pos;
        }

        return null;
    }

    private static bool Hex4(string t, int pos, out int value)
    {
        value = 0;
        if (pos + 4 > t.Length)
        {
            return false;
        }

        for (int i = 0; i < 4; i++)
        {
            int d = t[pos + i] switch
            {
                >= '0' and <= '9' => t[pos + i] - '0',
                >= 'a' and <= 'f' => t[pos + i] - 'a' + 10,
                >= 'A' and <= 'F' => t[pos + i] - 'A' + 10,
                _ => -1,
            };
            if (d < 0)
            {
                return false;
            }

            value = (value * 16) + d;
        }

        return true;
    }
}
