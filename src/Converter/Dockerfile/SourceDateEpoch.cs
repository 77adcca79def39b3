using CSharpFrontend.Converter.Image;
using CSharpFrontend.Shared;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// The <c>SOURCE_DATE_EPOCH</c> build argument as BuildKit v0.11.6's builder reads it (<c>parseSourceDateEpoch</c>):
/// a decimal count of seconds since 1970 (Go's <c>strconv.ParseInt(v, 10, 64)</c>), taken as a UTC time. The
/// argument stays an ordinary build argument besides (visible where an <c>ARG SOURCE_DATE_EPOCH</c> declares it).
/// </summary>
public static class SourceDateEpoch
{
    /// <summary>The build argument's name.</summary>
    public const string BuildArg = "SOURCE_DATE_EPOCH";

    /// <summary>The time of the build argument in <paramref name="buildArgs"/>; null when it is absent or empty.</summary>
    /// <exception cref="FormatException">Not a decimal 64-bit integer (upstream's message).</exception>
    public static ImageTime? FromBuildArgs(IReadOnlyDictionary<string, string> buildArgs) =>
        buildArgs.TryGetValue(BuildArg, out var value) ? Parse(value) : null;

    /// <summary>Parses a value; null when empty.</summary>
    /// <exception cref="FormatException">
    /// <c>invalid SOURCE_DATE_EPOCH: v: strconv.ParseInt: parsing "v": invalid syntax</c> (or <c>value out of range</c>).
    /// </exception>
    public static ImageTime? Parse(string value)
    {
        if (value.Length == 0)
        {
            return null;
        }

        var digits = value.AsSpan(value[0] is '+' or '-' ? 1 : 0);
        string? problem = digits.Length == 0 || !AllDigits(digits) ? "invalid syntax" : null;
        long seconds = 0;
        if (problem is null && !long.TryParse(value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out seconds))
        {
            problem = "value out of range";
        }

        return problem is null
            ? ImageTime.FromUnixSeconds(seconds)
            : throw new FormatException($"invalid {BuildArg}: {value}: strconv.ParseInt: parsing {GoQuoting.Quote(value)}: {problem}");
    }

    private static bool AllDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
