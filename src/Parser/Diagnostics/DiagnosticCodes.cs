namespace CSharpFrontend.Parser;

/// <summary>Identifiers of the diagnostics this parser reports.</summary>
public static class DiagnosticCodes
{
    /// <summary>A line is longer than BuildKit's scanner accepts.</summary>
    public const string LineTooLong = "DF001";

    /// <summary>A parser directive is invalid or repeated.</summary>
    public const string InvalidDirective = "DF002";

    /// <summary>The file contains no instruction.</summary>
    public const string NoInstructions = "DF003";

    /// <summary>A heredoc has no terminator.</summary>
    public const string UnterminatedHeredoc = "DF004";

    /// <summary>A JSON array contains a non-string element.</summary>
    public const string JsonNotStringArray = "DF005";

    /// <summary>Other syntax-level error (ENV/LABEL syntax, heredoc word).</summary>
    public const string Syntax = "DF006";

    /// <summary>An empty continuation line (warning).</summary>
    public const string EmptyContinuationLine = "DF100";

    /// <summary>Unknown instruction.</summary>
    public const string UnknownInstruction = "DF200";

    /// <summary>Flag error (unknown, duplicate, missing value, bad value).</summary>
    public const string InvalidFlag = "DF201";

    /// <summary>Wrong number or shape of instruction arguments.</summary>
    public const string InvalidArguments = "DF202";

    /// <summary>Invalid RUN --mount specification.</summary>
    public const string InvalidMount = "DF203";

    /// <summary>Instruction outside of any stage.</summary>
    public const string NoStage = "DF204";

    /// <summary>The input could not be processed within the parser's resource limits.</summary>
    public const string ResourceLimit = "DF900";
}
