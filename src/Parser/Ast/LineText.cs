namespace CSharpFrontend.Parser;

/// <summary>
/// An instruction's logical line: most often one physical line, kept as its place in the whole Dockerfile and made into
/// a string only when asked for (a long Dockerfile then holds no second copy of its text).
/// </summary>
/// <param name="Text">The whole Dockerfile, or the line itself when <paramref name="Start"/> is negative.</param>
/// <param name="Start">Where the line starts in <paramref name="Text"/>; negative when <paramref name="Text"/> is the line.</param>
/// <param name="Length">Its length.</param>
internal readonly record struct LineText(string Text, int Start, int Length)
{
    /// <summary>A line held as its own string.</summary>
    public static LineText Of(string line) => new(line, -1, line.Length);

    public override string ToString() => Start < 0 ? Text : Text.Substring(Start, Length);
}
