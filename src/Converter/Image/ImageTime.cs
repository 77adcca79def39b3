using System.Globalization;
using System.Text;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// A point in time with Go's <c>time.Time</c> precision (nanoseconds) and the zone offset it was written with, as
/// image configs carry it in <c>created</c>. Serialized as RFC 3339 with trailing zeros of the fraction dropped
/// (Go's <c>RFC3339Nano</c>); a zero offset is written <c>Z</c>.
/// </summary>
/// <param name="UnixSeconds">Whole seconds since 1970-01-01T00:00:00Z.</param>
/// <param name="Nanosecond">Nanoseconds within the second, 0 to 999 999 999.</param>
/// <param name="OffsetSeconds">The zone offset east of UTC the time is written in.</param>
public readonly record struct ImageTime(long UnixSeconds, int Nanosecond, int OffsetSeconds) : IComparable<ImageTime>
{
    private const long MinUnixSeconds = -62167219200; // 0000-01-01T00:00:00Z (Go marshals years 0 to 9999)
    private const long MaxUnixSeconds = 253402300799; // 9999-12-31T23:59:59Z

    /// <summary>The UTC time <paramref name="unixSeconds"/> seconds after the epoch (how SOURCE_DATE_EPOCH is read).</summary>
    public static ImageTime FromUnixSeconds(long unixSeconds) => new(unixSeconds, 0, 0);

    /// <summary>Orders by instant only; the offset does not take part.</summary>
    public int CompareTo(ImageTime other) =>
        UnixSeconds != other.UnixSeconds ? UnixSeconds.CompareTo(other.UnixSeconds) : Nanosecond.CompareTo(other.Nanosecond);

    /// <summary>Whether this instant is strictly later than <paramref name="other"/> (Go's <c>After</c>).</summary>
    public bool IsAfter(ImageTime other) => CompareTo(other) > 0;

    /// <summary>
    /// Parses RFC 3339 as Go's <c>time.Time</c> JSON decoding does: <c>YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)</c>;
    /// a fraction longer than nine digits is truncated. Returns null when the text is not such a time.
    /// </summary>
    public static ImageTime? TryParse(string text)
    {
        var s = text.AsSpan();
        if (s.Length < 20 || s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':')
        {
            return null;
        }

        if (!Digits(s[..4], out var year) || !Digits(s.Slice(5, 2), out var month) || !Digits(s.Slice(8, 2), out var day)
            || !Digits(s.Slice(11, 2), out var hour) || !Digits(s.Slice(14, 2), out var minute)
            || !Digits(s.Slice(17, 2), out var second))
        {
            return null;
        }

        if (month is < 1 or > 12 || day < 1 || day > DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59)
        {
            return null;
        }

        var i = 19;
        var nanos = 0;
        if (i < s.Length && (s[i] == '.' || s[i] == ','))
        {
            var start = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            if (i == start)
            {
                return null;
            }

            var fraction = s[start..i];
            for (var k = 0; k < 9; k++)
            {
                nanos = nanos * 10 + (k < fraction.Length ? fraction[k] - '0' : 0);
            }
        }

        int offset;
        var zone = s[i..];
        if (zone is "Z")
        {
            offset = 0;
        }
        else if (zone.Length == 6 && (zone[0] == '+' || zone[0] == '-') && zone[3] == ':'
                 && Digits(zone.Slice(1, 2), out var oh) && Digits(zone.Slice(4, 2), out var om) && oh < 24 && om < 60)
        {
            offset = (zone[0] == '-' ? -1 : 1) * (oh * 3600 + om * 60);
        }
        else
        {
            return null;
        }

        var unix = (DaysFromCivil(year, month, day) * 86400) + (hour * 3600) + (minute * 60) + second - offset;
        return new ImageTime(unix, nanos, offset);
    }

    /// <summary>RFC 3339 with nanoseconds, trailing fraction zeros dropped, as Go's <c>time.Time</c> marshals.</summary>
    /// <exception cref="InvalidOperationException">The year is outside 0001–9999 (Go refuses to marshal it too).</exception>
    public override string ToString()
    {
        var local = UnixSeconds + OffsetSeconds;
        if (local is < MinUnixSeconds or > MaxUnixSeconds || Nanosecond is < 0 or > 999_999_999)
        {
            throw new InvalidOperationException("time outside of the range RFC 3339 can express");
        }

        var days = Math.DivRem(local, 86400, out var secondOfDay);
        if (secondOfDay < 0)
        {
            (days, secondOfDay) = (days - 1, secondOfDay + 86400);
        }

        var (year, month, day) = CivilFromDays(days);
        var text = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"{year:D4}-{month:D2}-{day:D2}T{secondOfDay / 3600:D2}:{secondOfDay / 60 % 60:D2}:{secondOfDay % 60:D2}"));
        if (Nanosecond != 0)
        {
            text.Append('.').Append(Nanosecond.ToString("D9", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        if (OffsetSeconds == 0)
        {
            text.Append('Z');
        }
        else
        {
            var abs = Math.Abs(OffsetSeconds);
            text.Append(OffsetSeconds < 0 ? '-' : '+')
                .Append((abs / 3600).ToString("D2", CultureInfo.InvariantCulture)).Append(':')
                .Append((abs / 60 % 60).ToString("D2", CultureInfo.InvariantCulture));
        }

        return text.ToString();
    }

    // Proleptic Gregorian calendar from year 0 (a leap year), as Go's time package counts.
    private static int DaysInMonth(int year, int month) =>
        month == 2 ? (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28) : month is 4 or 6 or 9 or 11 ? 30 : 31;

    /// <summary>Days from 1970-01-01 to the date (H. Hinnant's days_from_civil).</summary>
    private static long DaysFromCivil(long year, int month, int day)
    {
        year -= month <= 2 ? 1 : 0;
        var era = (year >= 0 ? year : year - 399) / 400;
        var yearOfEra = year - (era * 400);
        var dayOfYear = ((153 * (month + (month > 2 ? -3 : 9))) + 2) / 5 + day - 1;
        var dayOfEra = (yearOfEra * 365) + (yearOfEra / 4) - (yearOfEra / 100) + dayOfYear;
        return (era * 146097) + dayOfEra - 719468;
    }

    /// <summary>The date <paramref name="days"/> after 1970-01-01 (H. Hinnant's civil_from_days).</summary>
    private static (long Year, int Month, int Day) CivilFromDays(long days)
    {
        days += 719468;
        var era = (days >= 0 ? days : days - 146096) / 146097;
        var dayOfEra = days - (era * 146097);
        var yearOfEra = (dayOfEra - (dayOfEra / 1460) + (dayOfEra / 36524) - (dayOfEra / 146096)) / 365;
        var dayOfYear = dayOfEra - ((365 * yearOfEra) + (yearOfEra / 4) - (yearOfEra / 100));
        var mp = ((5 * dayOfYear) + 2) / 153;
        var day = (int)(dayOfYear - (((153 * mp) + 2) / 5) + 1);
        var month = (int)(mp < 10 ? mp + 3 : mp - 9);
        return (yearOfEra + (era * 400) + (month <= 2 ? 1 : 0), month, day);
    }

    private static bool Digits(ReadOnlySpan<char> s, out int value)
    {
        value = 0;
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = value * 10 + (c - '0');
        }

        return true;
    }
}
