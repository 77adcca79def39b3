using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// The syntax check of patternmatcher's <c>New</c> on the context's exclude patterns: a lone <c>!</c> is
/// <c>illegal exclusion pattern: "!"</c>; a pattern Go's <c>filepath.Match</c> cannot parse (an unclosed or empty
/// <c>[...]</c>, a range without an end, a final <c>\</c>) is <c>syntax error in pattern</c>.
/// </summary>
internal static class ExcludePatternSyntax
{
    public const string BadPattern = "syntax error in pattern";

    /// <summary>The error patternmatcher gives for the first pattern it refuses, or null.</summary>
    public static string? FirstError(IEnumerable<string> patterns)
    {
        foreach (var raw in patterns)
        {
            var pattern = raw.Trim();
            if (pattern.Length == 0)
            {
                continue;
            }

            pattern = PosixPath.Clean(pattern);
            if (pattern[0] == '!')
            {
                if (pattern.Length == 1)
                {
                    return "illegal exclusion pattern: \"!\"";
                }

                pattern = pattern[1..];
            }

            if (!IsValid(pattern))
            {
                return BadPattern;
            }
        }

        return null;
    }

    /// <summary>Whether every chunk of <paramref name="pattern"/> (the text between <c>*</c>s outside a class) parses.</summary>
    private static bool IsValid(string pattern)
    {
        var i = 0;
        while (i < pattern.Length)
        {
            if (pattern[i] == '*')
            {
                i++;
                continue;
            }

            var end = ChunkEnd(pattern, i);
            if (!IsValidChunk(pattern.AsSpan(i, end - i)))
            {
                return false;
            }

            i = end;
        }

        return true;
    }

    /// <summary>Go's <c>scanChunk</c>: the chunk ends at a <c>*</c> outside <c>[...]</c>; <c>\</c> takes the next byte.</summary>
    private static int ChunkEnd(string pattern, int start)
    {
        var inRange = false;
        var i = start;
        for (; i < pattern.Length; i++)
        {
            switch (pattern[i])
            {
                case '\\' when i + 1 < pattern.Length:
                    i++;
                    break;
                case '[':
                    inRange = true;
                    break;
                case ']':
                    inRange = false;
                    break;
                case '*' when !inRange:
                    return i;
            }
        }

        return i;
    }

    /// <summary>Go's <c>matchChunk</c> read for its errors only: classes and escapes.</summary>
    private static bool IsValidChunk(ReadOnlySpan<char> chunk)
    {
        while (chunk.Length > 0)
        {
            switch (chunk[0])
            {
                case '[':
                    chunk = chunk[1..];
                    if (chunk.Length > 0 && chunk[0] == '^')
                    {
                        chunk = chunk[1..];
                    }

                    for (var ranges = 0; ; ranges++)
                    {
                        if (chunk.Length > 0 && chunk[0] == ']' && ranges > 0)
                        {
                            chunk = chunk[1..];
                            break;
                        }

                        if (!ClassChar(ref chunk))
                        {
                            return false;
                        }

                        if (chunk[0] == '-')
                        {
                            chunk = chunk[1..];
                            if (!ClassChar(ref chunk))
                            {
                                return false;
                            }
                        }
                    }

                    break;
                case '\\':
                    if (chunk.Length == 1)
                    {
                        return false;
                    }

                    chunk = chunk[2..];
                    break;
                default:
                    chunk = chunk[1..];
                    break;
            }
        }

        return true;
    }

    /// <summary>Go's <c>getEsc</c>: one (possibly escaped) character of a class, which something must follow.</summary>
    private static bool ClassChar(ref ReadOnlySpan<char> chunk)
    {
        if (chunk.Length == 0 || chunk[0] is '-' or ']')
        {
            return false;
        }

        if (chunk[0] == '\\')
        {
            chunk = chunk[1..];
            if (chunk.Length == 0)
            {
                return false;
            }
        }

        var width = char.IsHighSurrogate(chunk[0]) && chunk.Length > 1 && char.IsLowSurrogate(chunk[1]) ? 2 : 1;
        if (char.IsSurrogate(chunk[0]) && width == 1)
        {
            return false; // not a whole code point: Go's utf8.RuneError of an invalid byte
        }

        chunk = chunk[width..];
        return chunk.Length > 0;
    }
}
