namespace CSharpFrontend.Frontend.Dump;

/// <summary>
/// Orders strings as Go compares them: by their UTF-8 bytes, which is code point order
/// (UTF-16 ordinal order differs for characters above U+FFFF against U+E000–U+FFFF).
/// </summary>
internal sealed class GoStringOrder : IComparer<string>
{
    /// <summary>For strings without <see cref="InvalidUtf8"/> markers.</summary>
    public static GoStringOrder Instance { get; } = new(markersAreInvalidBytes: false);

    /// <summary>For strings whose <see cref="InvalidUtf8"/> markers stand for the bytes Go compares.</summary>
    public static GoStringOrder WithMarkers { get; } = new(markersAreInvalidBytes: true);

    private readonly bool _markersAreInvalidBytes;

    private GoStringOrder(bool markersAreInvalidBytes) => _markersAreInvalidBytes = markersAreInvalidBytes;

    public int Compare(string? x, string? y)
    {
        if (x is null || y is null)
        {
            return x is null ? (y is null ? 0 : -1) : 1;
        }

        if (_markersAreInvalidBytes)
        {
            return InvalidUtf8.OriginalBytes(x).AsSpan().SequenceCompareTo(InvalidUtf8.OriginalBytes(y));
        }

        var left = x.EnumerateRunes();
        var right = y.EnumerateRunes();
        while (true)
        {
            var hasLeft = left.MoveNext();
            var hasRight = right.MoveNext();
            if (!hasLeft || !hasRight)
            {
                return hasLeft.CompareTo(hasRight);
            }

            var order = left.Current.Value.CompareTo(right.Current.Value);
            if (order != 0)
            {
                return order;
            }
        }
    }
}
