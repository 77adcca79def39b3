namespace CSharpFrontend.Parser;

/// <summary>Options of <see cref="DockerfileParser.Parse(string, ParseOptions?)"/>.</summary>
public sealed record ParseOptions
{
    /// <summary>The default options.</summary>
    public static ParseOptions Default { get; } = new();

    /// <summary>When false, only the node level (<see cref="ParseResult.Syntax"/>) is produced.</summary>
    public bool BuildInstructions { get; init; } = true;

    /// <summary>Inputs longer than this many characters are rejected with a diagnostic (default 64 MiB).</summary>
    public int MaxInputLength { get; init; } = 64 * 1024 * 1024;
}
