namespace CSharpFrontend.Converter.Llb.Wire;

/// <summary>
/// Orders strings by their UTF-8 bytes, as Go sorts strings. Ordinal UTF-16 order differs from it only where
/// a surrogate pair meets a character at or above U+E000; comparing code points gives the UTF-8 order.
/// </summary>
public sealed class Utf8Order : IComparer<string>
{
    public static Utf8Order Instance { get; } = new();

    private Utf8Order()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            char a = x[i], b = y[i];
            if (a == b)
            {
                continue;
            }

            // A surrogate (U+D800..U+DFFF) stands for a code point above U+FFFF: it sorts after every BMP char.
            var aHigh = char.IsSurrogate(a);
            var bHigh = char.IsSurrogate(b);
            if (aHigh != bHigh)
            {
                return aHigh ? 1 : -1;
            }

            return a < b ? -1 : 1;
        }

        return x.Length.CompareTo(y.Length);
    }
}
