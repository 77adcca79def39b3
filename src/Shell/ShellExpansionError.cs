using CSharpFrontend.Shared;

namespace CSharpFrontend.Shell;

/// <summary>Why a word could not be expanded.</summary>
/// <param name="Word">The word as given to the lexer.</param>
/// <param name="Reason">
/// BuildKit's error text, for example <c>syntax error: bad substitution</c> or <c>X: is not allowed to be unset</c>.
/// </param>
public sealed record ShellExpansionError(string Word, string Reason)
{
    /// <summary>The full message as BuildKit prints it: <c>failed to process "word": reason</c>.</summary>
    public string Message => $"failed to process {GoQuoting.Quote(Word, escapeLoneSurrogates: true)}: {Reason}";
}
