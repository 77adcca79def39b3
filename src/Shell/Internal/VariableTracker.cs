namespace CSharpFrontend.Shell.Internal;

/// <summary>Looks variables up and records which names were found set and which unset.</summary>
internal sealed class VariableTracker(IShellEnvironment environment)
{
    private HashSet<string>? _used;
    private HashSet<string>? _unset;

    /// <summary>Looks <paramref name="name"/> up; an unset variable yields the empty string.</summary>
    public bool Lookup(string name, out string value)
    {
        if (environment.TryGetValue(name, out string? found))
        {
            (_used ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
            value = found;
            return true;
        }

        (_unset ??= new HashSet<string>(StringComparer.Ordinal)).Add(name);
        value = string.Empty;
        return false;
    }

    /// <summary>Names found set.</summary>
    public IReadOnlySet<string> Used => Freeze(_used);

    /// <summary>Names found unset.</summary>
    public IReadOnlySet<string> Unset => Freeze(_unset);

    private static IReadOnlySet<string> Freeze(HashSet<string>? names) =>
        names is null ? System.Collections.ObjectModel.ReadOnlySet<string>.Empty : new System.Collections.ObjectModel.ReadOnlySet<string>(names);
}
