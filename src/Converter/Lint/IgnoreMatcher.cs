using System.Text;
using System.Text.RegularExpressions;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Lint;

/// <summary>
/// The <c>.dockerignore</c> patterns as moby/patternmatcher's <c>MatchesOrParentMatches</c> reads them, for
/// CopyIgnoredFile: a path is excluded when the last pattern matching it or one of its parent directories is not a
/// <c>!</c> exception.
/// </summary>
internal sealed class IgnoreMatcher
{
    private readonly (Regex Pattern, bool Exception)[] _patterns;

    public IgnoreMatcher(IEnumerable<string> patterns) =>
        _patterns = [.. patterns.Select(p => p.Trim()).Where(p => p.Length > 0).Select(Compile).OfType<(Regex, bool)>()];

    private static (Regex, bool)? Compile(string pattern)
    {
        pattern = PosixPath.Clean(pattern);
        var exception = pattern.StartsWith('!');
        if (exception)
        {
            pattern = pattern[1..];
            if (pattern.Length == 0)
            {
                return null;
            }

            pattern = PosixPath.Clean(pattern);
        }

        try
        {
            // Non-backtracking: a pattern such as **/**/**/… cannot make matching exponential.
            return (new Regex(ToRegex(pattern), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), exception);
        }
        catch (ArgumentException)
        {
            return null; // an invalid character class: patternmatcher rejects it too; nothing to match with
        }
    }

    /// <summary>patternmatcher's translation: <c>**</c> any directories, <c>*</c> and <c>?</c> within one name, <c>\</c> escapes.</summary>
    private static string ToRegex(string pattern)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                i++;
                if (i + 1 < pattern.Length && pattern[i + 1] == '/')
                {
                    i++;
                }

                regex.Append(i + 1 >= pattern.Length ? ".*" : "(.*/)?");
            }
            else if (c == '*')
            {
                regex.Append("[^/]*");
            }
            else if (c == '?')
            {
                regex.Append("[^/]");
            }
            else if (c == '\\')
            {
                regex.Append(i + 1 < pattern.Length ? Regex.Escape(pattern[++i].ToString()) : @"\\");
            }
            else if (c is '[' or ']')
            {
                regex.Append(c);
            }
            else
            {
                regex.Append(Regex.Escape(c.ToString()));
            }
        }

        return regex.Append('$').ToString();
    }

    public bool MatchesOrParentMatches(string file)
    {
        var matched = false;
        var slash = file.LastIndexOf('/');
        var parent = slash < 0 ? "." : slash == 0 ? "/" : file[..slash];
        var dirs = parent.Split('/');
        foreach (var (pattern, exception) in _patterns)
        {
            if (exception != matched)
            {
                continue;
            }

            var match = pattern.IsMatch(file);
            for (var i = 0; !match && parent != "." && i < dirs.Length; i++)
            {
                match = pattern.IsMatch(string.Join('/', dirs[..(i + 1)]));
            }

            if (match)
            {
                matched = !exception;
            }
        }

        return matched;
    }
}
