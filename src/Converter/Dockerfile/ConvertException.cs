using System.Collections.Immutable;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// A Dockerfile the converter rejects. <see cref="Locations"/> are the instructions it points at (BuildKit's
/// <c>LocationError</c> can hold several, e.g. each instruction of a circular dependency); <see cref="Range"/> is the
/// first of them.
/// </summary>
public sealed class ConvertException : Exception
{
    public ConvertException(string message, SourceRange? range = null)
        : this(message, range is { } r ? [r] : [])
    {
    }

    public ConvertException(string message, IEnumerable<SourceRange> locations)
        : base(message) => Locations = [.. locations];

    public ImmutableArray<SourceRange> Locations { get; }

    public SourceRange? Range => Locations.IsEmpty ? null : Locations[0];

    /// <summary>This error located at <paramref name="range"/> when it has no location yet.</summary>
    public ConvertException At(SourceRange range) => Locations.IsEmpty ? new ConvertException(Message, range) : this;
}
