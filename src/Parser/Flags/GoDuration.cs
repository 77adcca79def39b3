
namespace CSharpFrontend.Parser.Flags;

/// <summary>Go's <c>time.ParseDuration</c> (result in nanoseconds) with its error texts.</summary>
internal static class GoDuration
{
    private const ulong Limit = 1UL << 63;

    /// <summary>The <c>time</c> package's own quoting: bytes of non-ASCII or control characters as <c>\xNN</c>.</summary>
    private static string TimeQuote(string s)
    {
        var sb = new System.Text.StringBuilder(s.Length + 2).Append('"');
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in s.EnumerateRunes())
        {
            if (rune.Value >= 0x80 || rune.Value < ' ')
            {
                int n = rune.EncodeToUtf8(bytes);
                for (int i = 0; i < n; i++)
                {
                    sb.Append("\\x").Append(bytes[i].ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
                }
            }
            else
            {
                if (rune.Value is '"' or '\\')
                {
                    sb.Append('\\');
                }

                sb.Append((char)rune.Value);
            }
        }

        return sb.Append('"').ToString();
    }

    public static (long Nanoseconds, string? Error) Parse(string orig)
    {
        string invalid = "time: invalid duration " + TimeQuote(orig);
        string s = orig;
        bool neg = false;
        if (s.Length > 0 && s[0] is '-' or '+')
        {
            neg = s[0] == '-';
            s = s[1..];
        }

        if (s == "0")
        {
            return (0, null);
        }

        if (s.Length == 0)
        {
            return (0, invalid);
        }

        ulong d = 0;
        while (s.Length > 0)
        {
            if (!(s[0] == '.' || char.IsAsciiDigit(s[0])))
            {
                return (0, invalid);
            }

            int pl = s.Length;
            ulong v = 0;
            int i = 0;
            for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
            {
                if (v > Limit / 10)
                {
                    return (0, invalid);
                }

                v = (v * 10) + (ulong)(s[i] - '0');
                if (v > Limit)
                {
                    return (0, invalid);
                }
            }

            s = s[i..];
            bool pre = pl != s.Length;
            bool post = false;
            ulong f = 0;
            double scale = 1;
            if (s.Length > 0 && s[0] == '.')
            {
                s = s[1..];
                pl = s.Length;
                bool overflow = false;
                i = 0;
                for (; i < s.Length && char.IsAsciiDigit(s[i]); i++)
                {
                    if (overflow)
                    {
                        continue;
                    }

                    if (f > (Limit - 1) / 10)
                    {
                        overflow = true;
                        continue;
                    }

                    ulong y = (f * 10) + (ulong)(s[i] - '0');
                    if (y > Limit)
                    {
                        overflow = true;
                        continue;
                    }

                    f = y;
                    scale *= 10;
                }

                s = s[i..];
                post = pl != s.Length;
            }

            if (!pre && !post)
            {
                return (0, invalid);
            }

            i = 0;
            while (i < s.Length && !(s[i] == '.' || char.IsAsciiDigit(s[i])))
            {
                i++;
            }

            if (i == 0)
            {
                return (0, "time: missing unit in duration " + TimeQuote(orig));
            }

            string u = s[..i];
            s = s[i..];
            ulong unit = u switch
            {
                "ns" => 1UL,
                "us" or "\u00b5s" or "\u03bcs" => 1000UL,
                "ms" => 1000_000UL,
                "s" => 1000_000_000UL,
                "m" => 60UL * 1000_000_000UL,
                "h" => 3600UL * 1000_000_000UL,
                _ => 0,
            };
            if (unit == 0)
            {
                return (0, "time: unknown unit " + TimeQuote(u) + " in duration " + TimeQuote(orig));
            }

            if (v > Limit / unit)
            {
                return (0, invalid);
            }

            v *= unit;
            if (f > 0)
            {
                v += (ulong)(f * (unit / scale));
                if (v > Limit)
                {
                    return (0, invalid);
                }
            }

            d += v;
            if (d > Limit)
            {
                return (0, invalid);
            }
        }

        if (neg)
        {
            return (d == Limit ? long.MinValue : -(long)d, null);
        }

        if (d > Limit - 1)
        {
            return (0, invalid);
        }

        return ((long)d, null);
    }
}
