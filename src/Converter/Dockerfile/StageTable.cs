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

    /// <summary>The first stage on a dependency cycle, if there is one.</summary>
    public StageDispatch? FindCycle()
    {
        var visited = new HashSet<StageDispatch>(ReferenceEqualityComparer.Instance);
        var onPath = new HashSet<StageDispatch>(ReferenceEqualityComparer.Instance);
        bool Visit(StageDispatch state)
        {
            if (!visited.Add(state))
            {
                return false;
            }

            onPath.Add(state);
            foreach (var dep in state.Deps)
            {
                if (onPath.Contains(dep) || Visit(dep))
                {
                    return true;
                }
            }

            onPath.Remove(state);
            return false;
        }

        return States.FirstOrDefault(Visit);
    }
}
