using System.Globalization;
using System.Numerics;

namespace CSharpFrontend.Parser.Flags;

/// <summary>
/// Go's <c>strconv.ParseFloat(s, 64)</c> for the numbers go-units hands it: decimal (<c>1.5</c>, <c>.5</c>, <c>5.</c>,
/// <c>1e3</c>) and hexadecimal (<c>0x1.8p1</c>, exponent required) literals with an optional sign, underscores only
/// between digits. No <c>Inf</c>/<c>NaN</c> words: go-units' number always ends in a digit or a dot.
/// </summary>
internal static class GoFloat
{
    /// <summary>The value, or null on a syntax error or when it overflows to infinity (Go's range error).</summary>
    public static double? Parse(string s)
    {
        if (s.Contains('_'))
        {
            if (!UnderscoresBetweenDigits(s))
            {
                return null;
            }

            s = s.Replace("_", string.Empty, StringComparison.Ordinal);
        }

        int i = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        bool hex = s.Length >= i + 2 && s[i] == '0' && s[i + 1] is 'x' or 'X';
        double? value = hex ? ParseHex(s, i + 2) : ParseDecimal(s, i);
        return value is { } v && !double.IsInfinity(v) ? (s[0] == '-' ? -v : v) : null;
    }

    private static double? ParseDecimal(string s, int start)
    {
        int i = start;
        int digits = SkipDigits(s, ref i);
        if (i < s.Length && s[i] == '.')
        {
            i++;
            digits += SkipDigits(s, ref i);
        }

        if (digits == 0)
        {
            return null;
        }

        if (i < s.Length && s[i] is 'e' or 'E')
        {
            i++;
            if (i < s.Length && s[i] is '+' or '-')
            {
                i++;
            }

            if (SkipDigits(s, ref i) == 0)
            {
                return null;
            }
        }

        return i == s.Length
            ? double.Parse(s.AsSpan(start), NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent, CultureInfo.InvariantCulture)
            : null;
    }

    private static double? ParseHex(string s, int start)
    {
        int i = start;
        var mantissa = BigInteger.Zero;
        int fractionDigits = 0;
        int digits = 0;
        bool dot = false;
        for (; i < s.Length; i++)
        {
            if (s[i] == '.' && !dot)
            {
                dot = true;
                continue;
            }

            int d = HexDigit(s[i]);
            if (d < 0)
            {
                break;
            }

            mantissa = (mantissa * 16) + d;
            digits++;
            fractionDigits += dot ? 1 : 0;
        }

        if (digits == 0 || i == s.Length || s[i] is not ('p' or 'P'))
        {
            return null;
        }

        i++;
        bool negative = i < s.Length && s[i] == '-';
        if (i < s.Length && s[i] is '+' or '-')
        {
            i++;
        }

        int exponent = 0;
        int expStart = i;
        for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
        {
            exponent = Math.Min(100_000, (exponent * 10) + (s[i] - '0'));
        }

        if (i == expStart || i != s.Length)
        {
            return null;
        }

        return Math.ScaleB((double)mantissa, (negative ? -exponent : exponent) - (4 * fractionDigits));
    }

    private static int SkipDigits(string s, ref int i)
    {
        int start = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        return i - start;
    }

    private static int HexDigit(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'a' and <= 'f' => c - 'a' + 10,
        >= 'A' and <= 'F' => c - 'A' + 10,
        _ => -1,
    };

    /// <summary>
    /// Go's <c>underscoreOK</c>: each underscore between two digits (or after the <c>0x</c> prefix and before a digit).
    /// Its <c>0b</c>/<c>0o</c> prefixes are left out: <c>ParseFloat</c> refuses them whatever the underscores.
    /// </summary>
    private static bool UnderscoresBetweenDigits(string s)
    {
        char saw = '^';
        int i = s.Length > 0 && s[0] is '+' or '-' ? 1 : 0;
        bool hex = s.Length >= i + 2 && s[i] == '0' && s[i + 1] is 'x' or 'X';
        if (hex)
        {
            saw = '0';
            i += 2;
        }

        for (; i < s.Length; i++)
        {
            if (char.IsAsciiDigit(s[i]) || (hex && HexDigit(s[i]) >= 0))
            {
                saw = '0';
            }
            else if (s[i] == '_')
            {
                if (saw != '0')
                {
                    return false;
                }

                saw = '_';
            }
            else if (saw == '_')
            {
                return false;
            }
            else
            {
                saw = '!';
            }
        }

        return saw != '_';
    }
}
