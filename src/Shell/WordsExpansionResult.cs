namespace CSharpFrontend.Shell;

/// <summary>The outcome of expanding a word and splitting it into fields.</summary>
/// <param name="Words">The resulting words, in order.</param>
/// <param name="UsedVariables">Names that were looked up and found set (possibly empty-valued).</param>
/// <param name="UnsetVariables">Names that were looked up and found unset.</param>
public sealed record WordsExpansionResult(
    IReadOnlyList<string> Words,
    IReadOnlySet<string> UsedVariables,
    IReadOnlySet<string> UnsetVariables);
