using System.Text;

namespace CSharpFrontend.Converter.Dockerfile.Subrequests;

/// <summary>
/// Go's <c>text/tabwriter</c> as the subrequests print their tables (cells separated by tabs, padded with spaces, no
/// flags): every cell but the last of a row padded to its column's width plus the padding, widths counted in
/// characters (<c>utf8.RuneCount</c>, not UTF-16 units).
/// </summary>
internal static class GoTabWriter
{
    /// <summary>Appends <paramref name="rows"/>, one line each.</summary>
    public static void Append(StringBuilder text, IReadOnlyList<string[]> rows, int padding)
    {
        var widths = new int[rows.Max(r => r.Length)];
        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length - 1; i++)
            {
                widths[i] = Math.Max(widths[i], Width(row[i]) + padding);
            }
        }

        foreach (var row in rows)
        {
            for (var i = 0; i < row.Length; i++)
            {
                text.Append(row[i]);
                if (i < row.Length - 1)
                {
                    text.Append(' ', widths[i] - Width(row[i]));
                }
            }

            text.Append('\n');
        }
    }

    private static int Width(string cell) => cell.EnumerateRunes().Count();
}
