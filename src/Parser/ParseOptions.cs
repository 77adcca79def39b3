namespace CSharpFrontend.Parser;

/// <summary>Options of <see cref="DockerfileParser.Parse(string, ParseOptions?)"/>.</summary>
public sealed record ParseOptions
{
    /// <summary>The default options.</summary>
    public static ParseOptions Default { get; } = new();

    /// <summary>When false, only the node level (<see cref="ParseResult.Syntax"/>) is produced.</summary>
    public bool BuildInstructions { get; init; } = true;

    /// <summary>Which BuildKit release's reading of the few constructs that changed to follow (default: current).</summary>
    public BuildKitDialect Dialect { get; init; } = BuildKitDialect.Current;

    /// <summary>
    /// When false, the nodes are not kept: each is turned into its typed instruction as soon as it is read and goes
    /// (<see cref="ParseResult.Syntax"/> then has no <see cref="SyntaxTree.Nodes"/>). A long Dockerfile's parse then holds
    /// one tree instead of two. The result is the same otherwise: an error in the node level still wins over an error
    /// in an instruction before it, as BuildKit reads every node before the first instruction.
    /// </summary>
    public bool KeepSyntax { get; init; } = true;

    /// <summary>Called with each node in order, once it is read (before it becomes an instruction).</summary>
    public Action<SyntaxNode>? OnNode { get; init; }

    /// <summary>Inputs longer than this many characters are rejected with a diagnostic (default 64 MiB).</summary>
    public int MaxInputLength { get; init; } = 64 * 1024 * 1024;
}

/// <summary>BuildKit releases whose Dockerfile reading differs in small details.</summary>
public enum BuildKitDialect
{
    /// <summary>
    /// Current BuildKit (1.x syntax today): blanks allowed between <c>&lt;&lt;</c> and a heredoc word, a JSON array
    /// followed by other text is shell form, the escape directive also applies inside <c>--flag</c> words,
    /// <c>${v#p}</c>/<c>${v%p}</c>/<c>${v/p/r}</c> are understood when looking for heredocs.
    /// </summary>
    Current,

    /// <summary>BuildKit v0.11 (the conformance corpus reference): the older reading of the constructs above.</summary>
    V0_11,
}
