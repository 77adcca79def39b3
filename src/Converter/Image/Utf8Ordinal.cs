namespace CSharpFrontend.Converter.Image;

/// <summary>
/// Orders strings by Unicode code point, which is the byte order of their UTF-8 form: the order in which Go's
/// <c>encoding/json</c> writes map keys. It differs from <see cref="StringComparer.Ordinal"/> only between
/// characters above U+FFFF and characters U+E000–U+FFFF.
/// </summary>
public sealed class Utf8Ordinal : IComparer<string>
{
    private Utf8Ordinal()
    {
    }

    /// <summary>The single instance.</summary>
    public static Utf8Ordinal Instance { get; } = new();

    /// <inheritdoc/>
    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var a = x[i];
            var b = y[i];
            if (a != b)
            {
                return Rank(a).CompareTo(Rank(b));
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    // Surrogates (code points above U+FFFF) sort after every other UTF-16 unit.
    private static int Rank(char c) => char.IsSurrogate(c) ? c + 0x2000 : c >= '\uE000' ? c - 0x800 : c;
}
