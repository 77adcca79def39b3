using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Frontend.Lint;

/// <summary>
/// <c>result.txt</c> of the lint subrequest, as <c>docker build --check</c> prints it (BuildKit's
/// <c>LintResults.PrintTo</c>): per warning the rule, URL, message and the source lines around it.
/// </summary>
internal static class LintText
{
    /// <summary>The warnings (result.txt).</summary>
    public static string Warnings(LintResult result)
    {
        var text = new StringBuilder();
        foreach (var warning in result.PrintOrder())
        {
            text.Append("\nWARNING: ").Append(warning.Rule.Name);
            if (warning.Rule.Url.Length > 0)
            {
                text.Append(" - ").Append(warning.Rule.Url);
            }

            text.Append('\n').Append(warning.Detail).Append('\n');
            Excerpt(text, result.Source, warning.Ranges);
        }

        return text.ToString();
    }

    /// <summary>The build error, worded and placed as upstream's <c>PrintErrorTo</c>; empty when there is none.</summary>
    public static string Error(LintResult result)
    {
        if (result.Error is not { } error)
        {
            return "";
        }

        var text = new StringBuilder(error.Message).Append('\n');
        Excerpt(text, result.Source, error.Ranges);
        return text.ToString();
    }

    /// <summary>BuildKit's <c>errdefs.Source.Print</c>: the lines of the ranges with up to two (four for one line) around them.</summary>
    private static void Excerpt(StringBuilder text, LintSource source, ImmutableArray<SourceRange> ranges)
    {
        if (ranges.IsDefaultOrEmpty)
        {
            return;
        }

        var lines = Encoding.UTF8.GetString(source.Data.AsSpan()).Split('\n');
        var start = ranges.Min(r => r.StartLine);
        var end = ranges.Max(r => Math.Max(r.StartLine, r.EndLine));
        if (start > lines.Length || start < 1)
        {
            return;
        }

        end = Math.Min(end, lines.Length);
        var pad = end == start ? 4 : 2;
        var first = start;
        for (var p = 0; p < pad;)
        {
            if (start > 1)
            {
                start--;
                p++;
            }

            if (end != lines.Length)
            {
                end++;
                p++;
            }

            p++;
        }

        text.Append(source.Filename).Append(':').Append(first).Append("\n--------------------\n");
        for (var i = start; i <= end; i++)
        {
            var marked = ranges.Any(r => r.StartLine <= i && Math.Max(r.StartLine, r.EndLine) >= i);
            text.Append(' ').Append(i.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(3))
                .Append(" | ").Append(marked ? ">>>" : "   ").Append(' ').Append(lines[i - 1]).Append('\n');
        }

        text.Append("--------------------\n");
    }
}
