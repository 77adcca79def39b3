namespace CSharpFrontend.Parser;

/// <summary>Internal carrier of a <see cref="Diagnostic"/> out of deep parsing code; never escapes the public API.</summary>
internal sealed class ParseException(Diagnostic diagnostic) : Exception(diagnostic.Message)
{
    public Diagnostic Diagnostic { get; } = diagnostic;

    public static ParseException Syntax(string code, string message, SourceRange range) =>
        new(new Diagnostic(code, DiagnosticSeverity.Error, message, range, DiagnosticLayer.Syntax));
}
