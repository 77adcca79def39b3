namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>All stages in order, by name (case-insensitive), and by index (BuildKit's dispatchStates).</summary>
internal sealed class StageTable
{
    private readonly Dictionary<string, StageDispatch> _byName = new(StringComparer.Ordinal);

    public List<StageDispatch> States { get; } = [];

    public void Add(StageDispatch state)
    {
        States.Add(state);
        if (_byName.TryGetValue(state.BaseName, out var @base))
        {
            state.Base = @base;
        }

        if (state.Name.Length > 0)
        {
            _byName[state.Name.ToLowerInvariant()] = state;
        }
    }

    public StageDispatch? FindByName(string name) => _byName.GetValueOrDefault(name.ToLowerInvariant());

    public StageDispatch FindByIndex(int index) =>
        index >= 0 && index < States.Count ? States[index] : throw new ConvertException($"invalid stage index {index}");

    /// <summary>
    /// The first stage (in order) from which a dependency cycle is reachable, if there is one. Depth-first with an
    /// explicit stack: a chain of stages as long as the input allows must not overflow the call stack.
    /// </summary>
    public StageDispatch? FindCycle()
    {
        var visited = new HashSet<StageDispatch>(ReferenceEqualityComparer.Instance);
        var onPath = new HashSet<StageDispatch>(ReferenceEqualityComparer.Instance);
        var path = new Stack<(StageDispatch State, IEnumerator<StageDispatch> Deps)>();
        foreach (var root in States)
        {
            if (!visited.Add(root))
            {
                continue;
            }

            onPath.Add(root);
            path.Push((root, root.Deps.GetEnumerator()));
            while (path.Count > 0)
            {
                var (state, deps) = path.Peek();
                if (!deps.MoveNext())
                {
                    onPath.Remove(state);
                    path.Pop();
                    continue;
                }

                var dep = deps.Current;
                if (onPath.Contains(dep))
                {
                    return root;
                }

                if (visited.Add(dep))
                {
                    onPath.Add(dep);
                    path.Push((dep, dep.Deps.GetEnumerator()));
                }
            }
        }

        return null;
    }
}
