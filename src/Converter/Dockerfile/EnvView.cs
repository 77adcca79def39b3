using System.Diagnostics.CodeAnalysis;
using CSharpFrontend.Shell;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>A lookup table seen as the shell lexer's environment, without copying it.</summary>
internal sealed class EnvView(IReadOnlyDictionary<string, string> variables) : IShellEnvironment
{
    public bool TryGetValue(string name, [MaybeNullWhen(false)] out string value) => variables.TryGetValue(name, out value);
}

/// <summary>Expansion over lookup tables.</summary>
internal static class LexerExtensions
{
    public static bool TryExpand(this ShellLexer lexer, string word, IReadOnlyDictionary<string, string> env, [NotNullWhen(true)] out string? value, [NotNullWhen(false)] out ShellExpansionError? error)
    {
        if (lexer.TryProcessWord(word, new EnvView(env), out var result, out error))
        {
            value = result.Value;
            return true;
        }

        value = null;
        return false;
    }
}
