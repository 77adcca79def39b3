using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>
/// Reads a <c>.dockerignore</c> file as BuildKit's <c>dockerignore.ReadAll</c>: comments (<c>#</c> at the start of
/// the line) and blank lines dropped, whitespace trimmed, <c>!</c> kept, paths cleaned and made relative.
/// </summary>
public static class DockerignoreReader
{
    /// <summary>The exclude patterns in <paramref name="content"/>.</summary>
    public static ImmutableArray<string> Read(ReadOnlySpan<byte> content)
    {
        if (content.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            content = content[3..];
        }

        var text = Encoding.UTF8.GetString(content);
        var result = ImmutableArray.CreateBuilder<string>();
        foreach (var rawLine in text.Split('\n'))
        {
            // bufio.ScanLines drops a trailing \r.
            var line = rawLine.EndsWith('\r') ? rawLine[..^1] : rawLine;
            if (line.StartsWith('#'))
            {
                continue;
            }

            var pattern = line.Trim(' ', '\t', '\n', '\v', '\f', '\r', '\u0085', '\u00A0');
            if (pattern.Length == 0)
            {
                continue;
            }

            var invert = pattern[0] == '!';
            if (invert)
            {
                pattern = pattern[1..].Trim(' ', '\t', '\n', '\v', '\f', '\r', '\u0085', '\u00A0');
            }

            if (pattern.Length > 0)
            {
                pattern = PosixPath.Clean(pattern);
                if (pattern.Length > 1 && pattern[0] == '/')
                {
                    pattern = pattern[1..];
                }
            }

            result.Add(invert ? "!" + pattern : pattern);
        }

        return result.ToImmutable();
    }
}
