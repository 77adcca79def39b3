namespace CSharpFrontend.Shell;

/// <summary>The outcome of expanding a word into a single string.</summary>
/// <param name="Value">The expanded text.</param>
/// <param name="UsedVariables">Names that were looked up and found set (possibly empty-valued).</param>
/// <param name="UnsetVariables">Names that were looked up and found unset.</param>
public sealed record ExpansionResult(
    string Value,
    IReadOnlySet<string> UsedVariables,
    IReadOnlySet<string> UnsetVariables);
