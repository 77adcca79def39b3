namespace CSharpFrontend.Parser.Text;

/// <summary>BuildKit's "did you mean" suggestion: the closest option within Levenshtein distance 2.</summary>
public static class Suggest
{
    /// <summary>Appends <c> (did you mean X?)</c> to <paramref name="message"/> when a close option exists.</summary>
    public static string Wrap(string message, string value, IEnumerable<string> options, bool caseSensitive)
    {
        var match = Search(value, options, caseSensitive);
        return match is null ? message : $"{message} (did you mean {match}?)";
    }

    public static string? Search(string value, IEnumerable<string> options, bool caseSensitive)
    {
        string orig = value;
        if (!caseSensitive)
        {
            value = value.ToLowerInvariant();
        }

        string? match = null;
        int minDist = 3;
        foreach (var o in options.Order(StringComparer.Ordinal))
        {
            var opt = caseSensitive ? o : o.ToLowerInvariant();
            if (value == opt)
            {
                return null;
            }

            int dist = Distance(value, opt, minDist);
            if (dist < minDist)
            {
                match = caseSensitive ? opt : MatchCase(opt, orig);
                minDist = dist;
            }
        }

        return match;
    }

    private static string MatchCase(string val, string orig)
    {
        if (orig == orig.ToLowerInvariant())
        {
            return val.ToLowerInvariant();
        }

        if (orig == orig.ToUpperInvariant())
        {
            return val.ToUpperInvariant();
        }

        return val;
    }

    /// <summary>Levenshtein distance (unit costs) over code points; returns at least <paramref name="cap"/> when it is that large.</summary>
    private static int Distance(string a, string b, int cap)
    {
        var ra = a.EnumerateRunes().ToArray();
        var rb = b.EnumerateRunes().ToArray();
        if (Math.Abs(ra.Length - rb.Length) >= cap)
        {
            return cap;
        }

        var prev = new int[rb.Length + 1];
        var cur = new int[rb.Length + 1];
        for (int j = 0; j <= rb.Length; j++)
        {
            prev[j] = j;
        }

        for (int i = 1; i <= ra.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= rb.Length; j++)
            {
                int cost = ra[i - 1] == rb[j - 1] ? 0 : 1;
                cur[j] = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
            }

            (prev, cur) = (cur, prev);
        }

        return prev[rb.Length];
    }
}
