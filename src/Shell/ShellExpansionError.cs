using CSharpFrontend.Shared;

namespace CSharpFrontend.Shell;

/// <summary>Why a word could not be expanded.</summary>
/// <param name="Word">The word as given to the lexer.</param>
/// <param name="Reason">
/// BuildKit's error text, for example <c>syntax error: bad substitution</c> or <c>X: is not allowed to be unset</c>.
/// </param>
public sealed record ShellExpansionError(string Word, string Reason)
{
    private static readonly IReadOnlySet<string> EmptySet = new HashSet<string>();

    /// <summary>
    /// Names looked up and found unset before the failure (BuildKit's <c>ProcessWord</c> returns them with its error:
    /// the UndefinedVar check reports them for the word that fails).
    /// </summary>
    public IReadOnlySet<string> UnsetVariables { get; init; } = EmptySet;

    /// <summary>The full message as BuildKit prints it: <c>failed to process "word": reason</c>.</summary>
    public string Message => $"failed to process {GoQuoting.Quote(Word, escapeLoneSurrogates: true)}: {Reason}";
}
