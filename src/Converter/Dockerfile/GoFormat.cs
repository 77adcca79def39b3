using System.Globalization;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>Go's <c>fmt</c> renderings that end up in image history: <c>%q</c> and <c>%v</c> of slices, durations (<c>%q</c> of a string or rune: <see cref="GoQuoting"/>).</summary>
internal static class GoFormat
{
    /// <summary><c>%q</c> of a <c>[]string</c>: <c>["a" "b"]</c>.</summary>
    public static string QuoteList(IEnumerable<string> values) => "[" + string.Join(' ', values.Select(v => GoQuoting.Quote(v))) + "]";

    /// <summary><c>%v</c> of a <c>[]string</c>: <c>[a b]</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(' ', values) + "]";

    /// <summary>Go's time.Duration.String(): <c>1h2m3.5s</c>, <c>500ms</c>, <c>0s</c>.</summary>
    public static string Duration(long nanoseconds)
    {
        if (nanoseconds == 0)
        {
            return "0s";
        }

        var negative = nanoseconds < 0;
        var u = negative ? (ulong)(-(nanoseconds + 1)) + 1 : (ulong)nanoseconds;
        string body;
        if (u < 1_000_000_000)
        {
            (ulong unit, string suffix) = u < 1_000 ? (1UL, "ns") : u < 1_000_000 ? (1_000UL, "µs") : (1_000_000UL, "ms");
            body = Fraction(u, unit) + suffix;
        }
        else
        {
            var hours = u / 3_600_000_000_000;
            var rest = u % 3_600_000_000_000;
            var minutes = rest / 60_000_000_000;
            var seconds = rest % 60_000_000_000;
            body = (hours > 0 ? hours.ToString(CultureInfo.InvariantCulture) + "h" : "")
                + (hours > 0 || minutes > 0 ? minutes.ToString(CultureInfo.InvariantCulture) + "m" : "")
                + Fraction(seconds, 1_000_000_000) + "s";
        }

        return negative ? "-" + body : body;
    }

    private static string Fraction(ulong value, ulong unit)
    {
        var whole = (value / unit).ToString(CultureInfo.InvariantCulture);
        var fraction = value % unit;
        if (fraction == 0)
        {
            return whole;
        }

        var digits = unit.ToString(CultureInfo.InvariantCulture).Length - 1;
        return whole + "." + fraction.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0').TrimEnd('0');
    }
}
