using System.Text;
using CSharpFrontend.Shell.Internal;

namespace CSharpFrontend.Shell.Glob;

/// <summary>The pattern operations behind <c>${VAR#p}</c>, <c>${VAR%p}</c>, <c>${VAR/p/r}</c> and <c>${VAR//p/r}</c>.</summary>
internal static class GlobSubstitution
{
    /// <summary>Removes the shortest (or longest when <paramref name="greedy"/>) matching prefix.</summary>
    public static bool TryTrimPrefix(string pattern, string value, bool greedy, out string result, out string? error)
    {
        result = value;
        var compiled = Compile(pattern, greedy, out error);
        if (compiled is null)
        {
            return false;
        }

        int[] text = CodePoints.ToArray(value);
        if (new GlobMatcher(compiled).TryMatch(text, 0, anchored: true, out _, out int end) && end > 0)
        {
            result = CodePoints.FromSpan(text.AsSpan(end));
        }

        return true;
    }

    /// <summary>
    /// Removes the shortest (or longest when <paramref name="greedy"/>) matching suffix, by matching the
    /// reversed pattern as a prefix of the reversed value.
    /// </summary>
    public static bool TryTrimSuffix(string pattern, string value, bool greedy, out string result, out string? error)
    {
        result = value;
        var compiled = Compile(GlobPattern.Reverse(pattern), greedy, out error);
        if (compiled is null)
        {
            return false;
        }

        int[] text = CodePoints.ToArray(value);
        int[] reversed = (int[])text.Clone();
        Array.Reverse(reversed);
        if (new GlobMatcher(compiled).TryMatch(reversed, 0, anchored: true, out _, out int end) && end > 0)
        {
            result = CodePoints.FromSpan(text.AsSpan(0, text.Length - end));
        }

        return true;
    }

    /// <summary>
    /// Replaces the first match (<paramref name="all"/> false, replacement inserted literally) or every
    /// non-overlapping match (<paramref name="all"/> true, replacement treated as a Go regexp template in
    /// which <c>$0</c>/<c>${0}</c> is the match, <c>$$</c> a dollar, and other references are empty). Fails with a
    /// null <paramref name="error"/> as soon as the result would be longer than <paramref name="maxLength"/>.
    /// </summary>
    public static bool TryReplace(string pattern, string value, string replacement, bool all, long maxLength, out string result, out string? error)
    {
        result = value;
        var compiled = Compile(pattern, greedy: true, out error);
        if (compiled is null)
        {
            return false;
        }

        int[] text = CodePoints.ToArray(value);
        var matcher = new GlobMatcher(compiled);
        if (!all)
        {
            if (matcher.TryMatch(text, 0, anchored: false, out int start, out int end))
            {
                var single = new StringBuilder(value.Length + replacement.Length);
                AppendRange(single, text, 0, start);
                single.Append(replacement);
                AppendRange(single, text, end, text.Length);
                result = single.ToString();
            }

            return true;
        }

        var output = new StringBuilder(value.Length);
        int lastEnd = 0;
        int search = 0;
        while (search <= text.Length && matcher.TryMatch(text, search, anchored: false, out int start, out int end))
        {
            AppendRange(output, text, lastEnd, start);
            if (end > lastEnd || start == 0)
            {
                ReplacementTemplate.Append(output, replacement, text, start, end);
            }

            if (output.Length > maxLength)
            {
                return false;
            }

            lastEnd = end;
            search = end > search ? end : search + 1;
        }

        AppendRange(output, text, lastEnd, text.Length);
        result = output.ToString();
        return true;
    }

    private static GlobPattern? Compile(string pattern, bool greedy, out string? error)
    {
        var compiled = GlobPattern.Compile(pattern, greedy, out string? reason);
        error = compiled is null ? ErrorTexts.InvalidPattern(pattern, reason!) : null;
        return compiled;
    }

    private static void AppendRange(StringBuilder builder, int[] text, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            CodePoints.Append(builder, text[i]);
        }
    }
}
