using System.Globalization;
using System.Text;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>Go's <c>fmt</c> renderings that end up in image history: <c>%q</c> of strings and slices, durations.</summary>
internal static class GoFormat
{
    /// <summary><c>%q</c> of a <c>[]string</c>: <c>["a" "b"]</c>.</summary>
    public static string QuoteList(IEnumerable<string> values) => "[" + string.Join(' ', values.Select(Quote)) + "]";

    /// <summary><c>%v</c> of a <c>[]string</c>: <c>[a b]</c>.</summary>
    public static string List(IEnumerable<string> values) => "[" + string.Join(' ', values) + "]";

    /// <summary>Go's strconv.Quote: printable runes kept, others escaped.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder("\"");
        foreach (var rune in value.EnumerateRunes())
        {
            AppendRune(text, rune, '"');
        }

        return text.Append('"').ToString();
    }

    /// <summary>Go's strconv.QuoteRune, what <c>%q</c> prints for an int.</summary>
    public static string QuoteRune(int value)
    {
        var rune = Rune.IsValid(value) ? new Rune(value) : Rune.ReplacementChar;
        var text = new StringBuilder("'");
        AppendRune(text, rune, '\'');
        return text.Append('\'').ToString();
    }

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

    private static void AppendRune(StringBuilder text, Rune rune, char quote)
    {
        var value = rune.Value;
        if (value == quote || value == '\\')
        {
            text.Append('\\').Append((char)value);
            return;
        }

        if (IsPrint(rune))
        {
            text.Append(rune.ToString());
            return;
        }

        switch (value)
        {
            case '\a': text.Append("\\a"); return;
            case '\b': text.Append("\\b"); return;
            case '\f': text.Append("\\f"); return;
            case '\n': text.Append("\\n"); return;
            case '\r': text.Append("\\r"); return;
            case '\t': text.Append("\\t"); return;
            case '\v': text.Append("\\v"); return;
        }

        if (value < ' ' || value == 0x7f)
        {
            text.Append("\\x").Append(value.ToString("x2", CultureInfo.InvariantCulture));
        }
        else if (value < 0x10000)
        {
            text.Append("\\u").Append(value.ToString("x4", CultureInfo.InvariantCulture));
        }
        else
        {
            text.Append("\\U").Append(value.ToString("x8", CultureInfo.InvariantCulture));
        }
    }

    private static bool IsPrint(Rune rune)
    {
        if (rune.Value == ' ')
        {
            return true;
        }

        var category = Rune.GetUnicodeCategory(rune);
        return category is not (UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.Surrogate
            or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned or UnicodeCategory.LineSeparator
            or UnicodeCategory.ParagraphSeparator or UnicodeCategory.SpaceSeparator);
    }
}
