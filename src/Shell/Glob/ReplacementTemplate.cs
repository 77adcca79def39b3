using System.Text;
using CSharpFrontend.Shell.Internal;

namespace CSharpFrontend.Shell.Glob;

/// <summary>
/// Expands a replacement the way Go's <c>Regexp.ReplaceAllString</c> does for a pattern without capture
/// groups: <c>$$</c> is a dollar, <c>$0</c>/<c>${0}</c> the whole match, any other well-formed reference
/// (<c>$name</c>, <c>${name}</c>) is empty, and a malformed one keeps its dollar literally.
/// </summary>
internal static class ReplacementTemplate
{
    /// <summary>Appends the expansion of <paramref name="template"/> for the match [start, end).</summary>
    public static void Append(StringBuilder output, string template, int[] text, int start, int end)
    {
        int i = 0;
        while (i < template.Length)
        {
            int dollar = template.IndexOf('$', i);
            if (dollar < 0)
            {
                break;
            }

            output.Append(template, i, dollar - i);
            i = dollar + 1;
            if (i < template.Length && template[i] == '$')
            {
                output.Append('$');
                i++;
                continue;
            }

            if (!TryReadReference(template, i, out bool wholeMatch, out int next))
            {
                output.Append('$');
                continue;
            }

            i = next;
            if (wholeMatch)
            {
                for (int k = start; k < end; k++)
                {
                    CodePoints.Append(output, text[k]);
                }
            }
        }

        if (i < template.Length)
        {
            output.Append(template, i, template.Length - i);
        }
    }

    private static bool TryReadReference(string template, int index, out bool wholeMatch, out int next)
    {
        wholeMatch = false;
        next = index;
        bool braced = index < template.Length && template[index] == '{';
        int nameStart = braced ? index + 1 : index;
        int nameEnd = nameStart;
        while (nameEnd < template.Length)
        {
            int cp = CodePoints.Decode(template, nameEnd, out int width);
            if (!CodePoints.IsLetter(cp) && !CodePoints.IsDigit(cp) && cp != '_')
            {
                break;
            }

            nameEnd += width;
        }

        if (nameEnd == nameStart)
        {
            return false;
        }

        next = nameEnd;
        if (braced)
        {
            if (nameEnd >= template.Length || template[nameEnd] != '}')
            {
                return false;
            }

            next++;
        }

        wholeMatch = nameEnd - nameStart == 1 && template[nameStart] == '0';
        return true;
    }
}
