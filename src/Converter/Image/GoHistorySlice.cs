namespace CSharpFrontend.Converter.Image;

/// <summary>
/// A Go slice of history entries: a shared backing array plus a length. Appending writes into the backing array
/// when it has room, so two slices cut from the same array see each other's appends past their common prefix;
/// growth follows Go's <c>append</c> (Go 1.20+) for the 64-byte <c>ocispecs.History</c> element.
/// </summary>
internal readonly record struct GoHistorySlice(HistoryEntry[] Backing, int Length)
{
    public static GoHistorySlice Nil { get; } = new([], 0);

    /// <summary>A slice holding <paramref name="entries"/> as Go's JSON decoder (or appends one by one) leaves it.</summary>
    public static GoHistorySlice Of(IEnumerable<HistoryEntry> entries) =>
        entries.Aggregate(Nil, (slice, entry) => slice.Append(entry));

    public GoHistorySlice Append(HistoryEntry entry)
    {
        var backing = Backing;
        if (Length == backing.Length)
        {
            backing = new HistoryEntry[GrownCapacity(backing.Length)];
            Array.Copy(Backing, backing, Length);
        }

        backing[Length] = entry;
        return new GoHistorySlice(backing, Length + 1);
    }

    public HistoryEntry[] ToArray() => Backing[..Length];

    // growslice for one more 64-byte element: double below 256, then grow by (cap + 768) / 4 and round the
    // allocation up to a size class (powers of two up to 32 KiB here) or to whole 8 KiB pages above that.
    private static int GrownCapacity(int capacity)
    {
        if (capacity == 0)
        {
            return 1;
        }

        if (capacity < 256)
        {
            return capacity * 2;
        }

        const int elementSize = 64;
        const int pageSize = 8192;
        var bytes = (long)(capacity + ((capacity + 768) / 4)) * elementSize;
        if (bytes > 32768)
        {
            bytes = (bytes + pageSize - 1) / pageSize * pageSize;
        }

        return (int)(bytes / elementSize);
    }
}
