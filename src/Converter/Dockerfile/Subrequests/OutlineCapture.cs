namespace CSharpFrontend.Converter.Dockerfile.Subrequests;

/// <summary>An ARG as the outline reports it: final value, description, where it is declared, what its default used.</summary>
internal sealed record OutlineArg(string Name, string Value, string Description, int Line, int EndLine, IReadOnlySet<string> Deps);

/// <summary>A secret or SSH socket a RUN mounts.</summary>
internal sealed record OutlineMount(string Name, bool Required, int Line, int EndLine);

/// <summary>
/// What the outline subrequest needs from a stage while it is converted (BuildKit's outlineCapture): declared ARGs,
/// ARGs used, secrets and SSH sockets. Copied when a stage starts from the global ARGs or from its base stage.
/// </summary>
internal sealed class OutlineCapture
{
    private Dictionary<string, OutlineArg>? _allArgs;
    private HashSet<string>? _usedArgs;
    private Dictionary<string, OutlineMount>? _secrets;
    private Dictionary<string, OutlineMount>? _ssh;

    // Each table is made when first used: a stage that is never dispatched keeps only this object.
    public Dictionary<string, OutlineArg> AllArgs => _allArgs ??= new(StringComparer.Ordinal);

    public HashSet<string> UsedArgs => _usedArgs ??= new(StringComparer.Ordinal);

    public Dictionary<string, OutlineMount> Secrets => _secrets ??= new(StringComparer.Ordinal);

    public Dictionary<string, OutlineMount> Ssh => _ssh ??= new(StringComparer.Ordinal);

    public OutlineCapture Clone()
    {
        var copy = new OutlineCapture();
        foreach (var (k, v) in _allArgs ?? Enumerable.Empty<KeyValuePair<string, OutlineArg>>())
        {
            copy.AllArgs[k] = v;
        }

        if (_usedArgs is { Count: > 0 })
        {
            copy.UsedArgs.UnionWith(_usedArgs);
        }

        foreach (var (k, v) in _secrets ?? Enumerable.Empty<KeyValuePair<string, OutlineMount>>())
        {
            copy.Secrets[k] = v;
        }

        foreach (var (k, v) in _ssh ?? Enumerable.Empty<KeyValuePair<string, OutlineMount>>())
        {
            copy.Ssh[k] = v;
        }

        return copy;
    }

    /// <summary>Marks the ARGs that used ones were computed from as used too.</summary>
    public void MarkDependenciesUsed()
    {
        var pending = new Stack<string>(UsedArgs);
        while (pending.Count > 0)
        {
            if (AllArgs.TryGetValue(pending.Pop(), out var arg))
            {
                foreach (var dep in arg.Deps)
                {
                    if (UsedArgs.Add(dep))
                    {
                        pending.Push(dep);
                    }
                }
            }
        }
    }
}
