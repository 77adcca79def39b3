using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Image;

/// <summary>Element-wise equality and hashing for the collections the image records hold.</summary>
internal static class Structural
{
    public static bool Equal(ImmutableArray<string> a, ImmutableArray<string> b) =>
        a.IsDefaultOrEmpty ? b.IsDefaultOrEmpty : !b.IsDefault && a.AsSpan().SequenceEqual(b.AsSpan());

    public static bool Equal(ImmutableArray<string>? a, ImmutableArray<string>? b) =>
        a is null ? b is null : b is not null && Equal(a.Value, b.Value);

    public static bool Equal<T>(ImmutableArray<T> a, ImmutableArray<T> b)
        where T : IEquatable<T> =>
        a.IsDefaultOrEmpty ? b.IsDefaultOrEmpty : !b.IsDefault && a.AsSpan().SequenceEqual(b.AsSpan());

    public static bool Equal(ImmutableSortedSet<string> a, ImmutableSortedSet<string> b) =>
        a.Count == b.Count && a.All(b.Contains);

    public static bool Equal(ImmutableSortedDictionary<string, string> a, ImmutableSortedDictionary<string, string> b) =>
        a.Count == b.Count && a.All(p => b.TryGetValue(p.Key, out var v) && v == p.Value);

    public static int Hash<T>(ImmutableArray<T> values)
    {
        var hash = new HashCode();
        if (!values.IsDefault)
        {
            foreach (var value in values)
            {
                hash.Add(value);
            }
        }

        return hash.ToHashCode();
    }

    public static int Hash(ImmutableArray<string>? values) => values is null ? -1 : Hash(values.Value);

    public static int Hash<T>(IEnumerable<T> values)
    {
        var hash = new HashCode();
        foreach (var value in values)
        {
            hash.Add(value);
        }

        return hash.ToHashCode();
    }
}
