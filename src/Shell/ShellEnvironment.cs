using System.Diagnostics.CodeAnalysis;

namespace CSharpFrontend.Shell;

/// <summary>An immutable <see cref="IShellEnvironment"/> backed by a dictionary.</summary>
public sealed class ShellEnvironment : IShellEnvironment
{
    private readonly IReadOnlyDictionary<string, string> _variables;

    private ShellEnvironment(IReadOnlyDictionary<string, string> variables) => _variables = variables;

    /// <summary>An environment with no variables.</summary>
    public static ShellEnvironment Empty { get; } = new(new Dictionary<string, string>(StringComparer.Ordinal));

    /// <summary>
    /// Builds an environment from <c>name=value</c> entries. The value is everything after the first
    /// <c>=</c>; an entry without <c>=</c> defines an empty variable; a later entry replaces an earlier one.
    /// </summary>
    public static ShellEnvironment FromPairs(IEnumerable<string> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string entry in entries)
        {
            int separator = entry.IndexOf('=', StringComparison.Ordinal);
            if (separator < 0)
            {
                variables[entry] = string.Empty;
            }
            else
            {
                variables[entry[..separator]] = entry[(separator + 1)..];
            }
        }

        return new ShellEnvironment(variables);
    }

    /// <summary>Builds an environment holding a copy of <paramref name="variables"/>.</summary>
    public static ShellEnvironment FromDictionary(IEnumerable<KeyValuePair<string, string>> variables)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var copy = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in variables)
        {
            copy[name] = value;
        }

        return new ShellEnvironment(copy);
    }

    /// <inheritdoc />
    public bool TryGetValue(string name, [MaybeNullWhen(false)] out string value) =>
        _variables.TryGetValue(name, out value);
}
