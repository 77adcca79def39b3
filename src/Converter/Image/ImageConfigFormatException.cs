namespace CSharpFrontend.Converter.Image;

/// <summary>
/// An image config or image-metadata file that cannot be read; the message starts with
/// <c>source:line:column:</c> when the position is known.
/// </summary>
public sealed class ImageConfigFormatException : Exception
{
    /// <summary>Creates the exception; <paramref name="line"/> and <paramref name="column"/> are 1-based, 0 = unknown.</summary>
    public ImageConfigFormatException(string reason, string source, int line, int column, Exception? inner = null)
        : base(Format(reason, source, line, column), inner)
    {
        Reason = reason;
        SourceName = source;
        Line = line;
        Column = column;
    }

    /// <summary>What is wrong, without the position.</summary>
    public string Reason { get; }

    /// <summary>The file (or other source) name the text came from.</summary>
    public string SourceName { get; }

    /// <summary>1-based line, or 0 when unknown.</summary>
    public int Line { get; }

    /// <summary>1-based column (in bytes), or 0 when unknown.</summary>
    public int Column { get; }

    private static string Format(string reason, string source, int line, int column) =>
        line > 0 ? $"{source}:{line}:{column}: {reason}" : $"{source}: {reason}";
}
