using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>A Dockerfile the converter rejects; <see cref="Range"/> points at the instruction when there is one.</summary>
public sealed class ConvertException(string message, SourceRange? range = null) : Exception(message)
{
    public SourceRange? Range { get; } = range;

    /// <summary>The message with BuildKit's location prefix: <c>dockerfile parse error on line N: ...</c> style is the parser's; here <c>line N: message</c>.</summary>
    public ConvertException At(SourceRange range) => Range is null ? new ConvertException(Message, range) : this;
}
