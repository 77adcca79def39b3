using System.Collections.Immutable;

namespace CSharpFrontend.Parser;

/// <summary>Result of parsing a Dockerfile.</summary>
/// <param name="Syntax">The node-level tree; null when BuildKit's line parser rejects the input.</param>
/// <param name="Ast">The typed tree (stages, instructions); null when any error was reported.</param>
/// <param name="Diagnostics">Errors (at most one: BuildKit stops at the first) and warnings, in source order.</param>
public sealed record ParseResult(SyntaxTree? Syntax, Dockerfile? Ast, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>True when an error was reported.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>The first error, if any.</summary>
    public Diagnostic? FirstError => Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error);
}
