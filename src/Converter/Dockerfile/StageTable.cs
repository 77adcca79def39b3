using System.Collections.Immutable;
using CSharpFrontend.Parser;

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
    /// The first stage (in Dockerfile order) from which a dependency cycle is reachable, with the instructions that lead
    /// from it around the cycle (the last one closes it), as BuildKit's check reports them; null when there is none.
    /// Iterative: the depth of the walk is the input's, so it keeps its own stack.
    /// </summary>
    public StageCycle? FindCycle()
    {
        var visited = new HashSet<StageDispatch>(ReferenceEqualityComparer.Instance);
        var onPath = new HashSet<StageDispatch>(ReferenceEqualityComparer.Instance);
        var path = new Stack<(StageDispatch State, IEnumerator<KeyValuePair<StageDispatch, Instruction>> Deps)>();
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

                var (dep, instruction) = deps.Current;
                if (onPath.Contains(dep))
                {
                    // The stack holds each open state with its enumerator at the edge taken from it.
                    var edges = path.Reverse().Select(frame => frame.Deps.Current.Value).ToImmutableArray();
                    return new StageCycle(root, edges);
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

/// <summary>A dependency cycle: the stage it was found from and the instructions along it.</summary>
internal sealed record StageCycle(StageDispatch Root, ImmutableArray<Instruction> Path);
