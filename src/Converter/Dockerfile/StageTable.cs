using System.Collections.Immutable;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>All stages in order, by name (case-insensitive), and by index (BuildKit's dispatchStates).</summary>
/// <param name="stages">How many stages the Dockerfile has: the tables are made that large at once (a long Dockerfile's
/// tables are not grown, and their earlier copies not left to the collector).</param>
internal sealed class StageTable(int stages)
{
    private readonly Dictionary<string, StageDispatch> _byName = new(stages, StringComparer.Ordinal);

    public List<StageDispatch> States { get; } = new(stages);

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
        // Each open stage with the number of its dependencies taken so far; the marks on the stages replace sets.
        var path = new Stack<(StageDispatch State, int Taken)>();
        foreach (var root in States)
        {
            if (root.CycleSearch != CycleSearchMark.Unseen)
            {
                continue;
            }

            root.CycleSearch = CycleSearchMark.OnPath;
            path.Push((root, 0));
            while (path.Count > 0)
            {
                var (state, taken) = path.Pop();
                if (taken == state.Deps.Count)
                {
                    state.CycleSearch = CycleSearchMark.Done;
                    continue;
                }

                path.Push((state, taken + 1));
                var dep = state.Deps[taken].Stage;
                if (dep.CycleSearch == CycleSearchMark.OnPath)
                {
                    // The stack holds each open stage with the edge taken from it last.
                    var edges = ImmutableArray.CreateBuilder<Instruction>(path.Count);
                    foreach (var frame in path)
                    {
                        edges.Add(frame.State.Deps[frame.Taken - 1].Instruction);
                    }

                    edges.Reverse();
                    return new StageCycle(root, edges.MoveToImmutable());
                }

                if (dep.CycleSearch == CycleSearchMark.Unseen)
                {
                    dep.CycleSearch = CycleSearchMark.OnPath;
                    path.Push((dep, 0));
                }
            }
        }

        return null;
    }
}

/// <summary>A stage's place in the dependency-cycle search.</summary>
internal enum CycleSearchMark : byte
{
    Unseen,
    OnPath,
    Done,
}

/// <summary>A dependency cycle: the stage it was found from and the instructions along it.</summary>
internal sealed record StageCycle(StageDispatch Root, ImmutableArray<Instruction> Path);
