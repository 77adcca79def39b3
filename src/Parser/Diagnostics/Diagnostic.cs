namespace CSharpFrontend.Parser;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The input is accepted; BuildKit prints a warning.</summary>
    Warning,

    /// <summary>The input is rejected.</summary>
    Error,
}

/// <summary>Which layer of BuildKit reports the problem; decides how BuildKit words the final error.</summary>
public enum DiagnosticLayer
{
    /// <summary>The line/node parser (BuildKit <c>parser.Parse</c>): the message is reported as is.</summary>
    Syntax,

    /// <summary>The instruction layer (BuildKit <c>instructions.Parse</c>): reported as <c>dockerfile parse error on line N: message</c>.</summary>
    Instruction,

    /// <summary>Stage assembly (e.g. <c>no build stage in current context</c>): reported as is.</summary>
    Structure,
}

/// <summary>A problem found in user input. The message is worded as BuildKit words it.</summary>
/// <param name="Code">Stable identifier (see <see cref="DiagnosticCodes"/>).</param>
/// <param name="Severity">Error or warning.</param>
/// <param name="Message">BuildKit's message text, without location prefix.</param>
/// <param name="Range">Where in the source.</param>
/// <param name="Layer">Which layer reported it.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceRange Range, DiagnosticLayer Layer)
{
    /// <summary>The text BuildKit's frontend returns for this diagnostic (e.g. <c>dockerfile parse error on line 3: unknown flag: --mont (did you mean mount?)</c>).</summary>
    public string ToBuildKitMessage() => Layer == DiagnosticLayer.Instruction
        ? $"dockerfile parse error on line {Range.StartLine}: {Message}"
        : Message;

    /// <inheritdoc/>
    public override string ToString() => $"{Range.StartLine}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
