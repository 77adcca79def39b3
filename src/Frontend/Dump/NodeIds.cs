namespace CSharpFrontend.Frontend.Dump;

/// <summary>Short, stable node ids for digests: the first hex digits, as many as keep them distinct (at least 12).</summary>
internal static class NodeIds
{
    public const int MinLength = 12;

    public static IReadOnlyDictionary<string, string> For(IEnumerable<string> digests)
    {
        var distinct = digests.Distinct(StringComparer.Ordinal).ToList();
        var longest = distinct.Select(digest => Hex(digest).Length).DefaultIfEmpty(0).Max();
        for (var length = MinLength; length <= longest; length++)
        {
            var ids = distinct.ToDictionary(digest => digest, digest => Prefix(digest, length), StringComparer.Ordinal);
            if (ids.Values.Distinct(StringComparer.Ordinal).Count() == distinct.Count)
            {
                return ids;
            }
        }

        return distinct.ToDictionary(digest => digest, digest => digest, StringComparer.Ordinal);
    }

    private static string Hex(string digest) => digest[(digest.IndexOf(':', StringComparison.Ordinal) + 1)..];

    private static string Prefix(string digest, int length)
    {
        var hex = Hex(digest);
        return hex.Length <= length ? hex : hex[..length];
    }
}
