namespace CSharpFrontend.Parser;

/// <summary>
/// A piece of the Dockerfile's text (an instruction's logical line, a shell-form command, a <c>COPY --from</c> value),
/// kept as its place in the whole Dockerfile when it is found there unchanged, else as its own string, and made into a
/// string only when asked for (a long Dockerfile then holds no second copy of its text).
/// </summary>
/// <param name="Text">The whole Dockerfile, or the piece itself when <paramref name="Start"/> is negative.</param>
/// <param name="Start">Where the piece starts in <paramref name="Text"/>; negative when <paramref name="Text"/> is the piece.</param>
/// <param name="Length">Its length.</param>
internal readonly record struct DocumentText(string Text, int Start, int Length)
{
    /// <summary>A line held as its own string.</summary>
    public static DocumentText Of(string line) => new(line, -1, line.Length);

    /// <summary><paramref name="value"/> as a place in <paramref name="line"/>'s document when it is part of it there, else held as it is.</summary>
    public static DocumentText Within(DocumentText line, string value)
    {
        if (line.Start >= 0 && value.Length > 0)
        {
            var at = line.Text.AsSpan(line.Start, line.Length).LastIndexOf(value);
            if (at >= 0)
            {
                return new DocumentText(line.Text, line.Start + at, value.Length);
            }
        }

        return Of(value);
    }

    public override string ToString() => Start < 0 ? Text : Text.Substring(Start, Length);
}
