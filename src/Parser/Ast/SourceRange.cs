namespace CSharpFrontend.Parser;

/// <summary>A point in the source: 1-based line, 1-based column counted in UTF-16 code units of that physical line.</summary>
/// <param name="Line">1-based line number.</param>
/// <param name="Column">1-based column.</param>
public readonly record struct SourcePosition(int Line, int Column);

/// <summary>A span of source text. <see cref="End"/> is exclusive: the column just after the last character.</summary>
/// <param name="Start">First character.</param>
/// <param name="End">Position just after the last character.</param>
public readonly record struct SourceRange(SourcePosition Start, SourcePosition End)
{
    /// <summary>The range covering whole lines <paramref name="startLine"/> .. <paramref name="endLine"/>.</summary>
    public static SourceRange Lines(int startLine, int endLine) => new(new SourcePosition(startLine, 1), new SourcePosition(endLine, 1));

    /// <summary>1-based first line.</summary>
    public int StartLine => Start.Line;

    /// <summary>1-based last line.</summary>
    public int EndLine => End.Line;

    /// <inheritdoc/>
    public override string ToString() => $"{Start.Line}:{Start.Column}-{End.Line}:{End.Column}";
}
