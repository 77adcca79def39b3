using CSharpFrontend.Shell.Internal;

namespace CSharpFrontend.Shell.Glob;

/// <summary>
/// A compiled substitution pattern: literals, <c>?</c> and <c>*</c>, with <c>\*</c>, <c>\?</c>, <c>\\</c> as
/// escaped literals and <c>\}</c>, <c>\/</c> standing for <c>}</c>, <c>/</c>. Bracket expressions are not
/// special, as in BuildKit. <c>?</c> and <c>*</c> never match a newline.
/// </summary>
internal sealed class GlobPattern
{
    private GlobPattern(GlobTokenKind[] kinds, int[] literals, bool greedy)
    {
        Kinds = kinds;
        Literals = literals;
        Greedy = greedy;
    }

    /// <summary>Token kinds, in order.</summary>
    public GlobTokenKind[] Kinds { get; }

    /// <summary>The code point of each <see cref="GlobTokenKind.Literal"/> token (unused for others).</summary>
    public int[] Literals { get; }

    /// <summary>Whether <c>*</c> prefers the longest (true) or shortest (false) run.</summary>
    public bool Greedy { get; }

    /// <summary>Number of tokens.</summary>
    public int Length => Kinds.Length;

    /// <summary>Compiles <paramref name="pattern"/>; on failure <paramref name="error"/> holds the reason.</summary>
    public static GlobPattern? Compile(string pattern, bool greedy, out string? error)
    {
        var kinds = new List<GlobTokenKind>(pattern.Length);
        var literals = new List<int>(pattern.Length);
        var reader = new CodePointReader(pattern);
        error = null;

        for (int tok = reader.Next(); tok != CodePoints.Eof; tok = reader.Next())
        {
            switch (tok)
            {
                case '*':
                    kinds.Add(GlobTokenKind.Star);
                    literals.Add(0);
                    continue;
                case '?':
                    kinds.Add(GlobTokenKind.AnyChar);
                    literals.Add(0);
                    continue;
                case '\\':
                    if (reader.Peek() is '}' or '/')
                    {
                        continue;
                    }

                    tok = reader.Next();
                    if (tok is not ('*' or '?' or '\\'))
                    {
                        error = ErrorTexts.InvalidEscape(tok);
                        return null;
                    }

                    break;
            }

            kinds.Add(GlobTokenKind.Literal);
            literals.Add(tok);
        }

        return new GlobPattern([.. kinds], [.. literals], greedy);
    }

    /// <summary>
    /// Reverses a pattern code point by code point while keeping each backslash in front of the character
    /// it escapes, so that a suffix search can run as a prefix search over reversed text.
    /// </summary>
    public static string Reverse(string pattern)
    {
        int[] source = CodePoints.ToArray(pattern);
        var reversed = new int[source.Length];
        int last = source.Length - 1;
        for (int i = 0; i <= last;)
        {
            int target = last - i;
            if (source[i] == '\\' && i != last)
            {
                reversed[target - 1] = '\\';
                reversed[target] = source[i + 1];
                i += 2;
            }
            else
            {
                reversed[target] = source[i];
                i++;
            }
        }

        return CodePoints.FromSpan(reversed);
    }
}
