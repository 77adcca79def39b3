using CSharpFrontend.Shell.Glob;

namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>
/// Checks the linear-time matcher against a naive backtracking matcher, which by construction reports
/// the leftmost-first match that a backtracking regular-expression engine (and Go's regexp) reports.
/// </summary>
public sealed class GlobMatcherTests
{
    [Theory]
    [InlineData("*", true, "abc", true, 0, 3)]
    [InlineData("*", false, "abc", true, 0, 0)]
    [InlineData("*b", false, "abab", true, 0, 2)]
    [InlineData("*b", true, "abab", true, 0, 4)]
    [InlineData("*b", true, "ab\nab", true, 0, 2)]
    [InlineData("?", true, "\n", false, -1, -1)]
    [InlineData("\\*", true, "*x", true, 0, 1)]
    public void AnchoredExamples(string pattern, bool greedy, string text, bool found, int start, int end)
    {
        var compiled = GlobPattern.Compile(pattern, greedy, out string? error);
        Assert.Null(error);
        int[] codePoints = text.Select(c => (int)c).ToArray();
        Assert.Equal(found, new GlobMatcher(compiled!).TryMatch(codePoints, 0, anchored: true, out int s, out int e));
        Assert.Equal((start, end), (s, e));
    }

    [Theory]
    [InlineData("\\", "invalid escape '\\\uFFFD'")]
    [InlineData("\\x", "invalid escape '\\x'")]
    [InlineData("\\\\\\", "invalid escape '\\\uFFFD'")]
    public void InvalidPatterns(string pattern, string reason)
    {
        Assert.Null(GlobPattern.Compile(pattern, greedy: true, out string? error));
        Assert.Equal(reason, error);
    }

    [Theory]
    [InlineData("a\\*c", "c\\*a")]
    [InlineData("\\\\\\ab", "b\\a\\\\")]
    [InlineData("ab\\", "\\ba")]
    [InlineData("👽\\🚀🖖", "🖖\\🚀👽")]
    [InlineData("\\\\b", "b\\\\")]
    public void ReversedPatternsKeepEscapes(string pattern, string expected) =>
        Assert.Equal(expected, GlobPattern.Reverse(pattern));

    [Fact]
    public void AgreesWithBacktrackingReference()
    {
        var random = new Random(42);
        const string patternAlphabet = "ab*?\n";
        const string textAlphabet = "ab\n";
        for (int i = 0; i < 30_000; i++)
        {
            string pattern = RandomString(random, patternAlphabet, 6);
            int[] text = RandomString(random, textAlphabet, 9).Select(c => (int)c).ToArray();
            bool greedy = random.Next(2) == 0;
            bool anchored = random.Next(2) == 0;
            int from = random.Next(text.Length + 1);
            var compiled = GlobPattern.Compile(pattern, greedy, out _)!;

            bool found = new GlobMatcher(compiled).TryMatch(text, from, anchored, out int start, out int end);
            var expected = Reference(compiled, text, from, anchored);
            Assert.True(
                (found ? (start, end) : (-1, -1)) == expected,
                $"pattern {Show(pattern)} greedy={greedy} anchored={anchored} from={from} text {Show(new string(text.Select(c => (char)c).ToArray()))}: got {(found ? (start, end) : (-1, -1))}, want {expected}");
        }
    }

    private static (int Start, int End) Reference(GlobPattern pattern, int[] text, int from, bool anchored)
    {
        for (int start = from; start <= text.Length; start++)
        {
            int end = Backtrack(pattern, text, 0, start);
            if (end >= 0)
            {
                return (start, end);
            }

            if (anchored)
            {
                break;
            }
        }

        return (-1, -1);
    }

    private static int Backtrack(GlobPattern pattern, int[] text, int token, int position)
    {
        if (token == pattern.Length)
        {
            return position;
        }

        switch (pattern.Kinds[token])
        {
            case GlobTokenKind.Literal:
                return position < text.Length && text[position] == pattern.Literals[token]
                    ? Backtrack(pattern, text, token + 1, position + 1)
                    : -1;
            case GlobTokenKind.AnyChar:
                return position < text.Length && text[position] != '\n'
                    ? Backtrack(pattern, text, token + 1, position + 1)
                    : -1;
            default:
                int longest = position;
                while (longest < text.Length && text[longest] != '\n')
                {
                    longest++;
                }

                if (pattern.Greedy)
                {
                    for (int stop = longest; stop >= position; stop--)
                    {
                        int end = Backtrack(pattern, text, token + 1, stop);
                        if (end >= 0)
                        {
                            return end;
                        }
                    }
                }
                else
                {
                    for (int stop = position; stop <= longest; stop++)
                    {
                        int end = Backtrack(pattern, text, token + 1, stop);
                        if (end >= 0)
                        {
                            return end;
                        }
                    }
                }

                return -1;
        }
    }

    private static string RandomString(Random random, string alphabet, int maxLength)
    {
        var chars = new char[random.Next(maxLength + 1)];
        for (int i = 0; i < chars.Length; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static string Show(string text) => text.Replace("\n", "\\n", StringComparison.Ordinal);
}
