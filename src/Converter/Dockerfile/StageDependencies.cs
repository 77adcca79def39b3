using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// The stages one stage reads from, in the order first referenced, each with the last instruction that reads it (as
/// BuildKit keeps one command per dependency). Most stages have none or one, so the entries are a small array, with
/// an index by stage only once there are many (a Dockerfile of 100,000 stages keeps ≈ 40 bytes per dependency). A
/// mutable value held in its stage (<see cref="StageDispatch.Deps"/> returns it by reference).
/// </summary>
internal struct StageDependencies
{
    private const int IndexedFrom = 8;

    private (StageDispatch Stage, Instruction Instruction)[]? _entries;
    private Dictionary<StageDispatch, int>? _index;

    public readonly int Count => _count;

    private int _count;

    /// <summary>The <paramref name="position"/>-th dependency in the order first referenced.</summary>
    public readonly (StageDispatch Stage, Instruction Instruction) this[int position] =>
        position < Count ? _entries![position] : throw new ArgumentOutOfRangeException(nameof(position));

    /// <summary>The stages in the order first referenced.</summary>
    public readonly IEnumerable<StageDispatch> Stages =>
        _entries is null ? [] : _entries.Take(Count).Select(entry => entry.Stage);

    /// <summary>Records that <paramref name="instruction"/> reads <paramref name="stage"/> (it replaces an earlier one for the same stage).</summary>
    public void Set(StageDispatch stage, Instruction instruction)
    {
        var found = Find(stage);
        if (found >= 0)
        {
            _entries![found] = (stage, instruction);
            return;
        }

        _entries ??= new (StageDispatch, Instruction)[1];
        if (Count == _entries.Length)
        {
            Array.Resize(ref _entries, Count * 2);
        }

        _entries[Count] = (stage, instruction);
        _index?.Add(stage, Count);
        _count++;
        if (_index is null && Count >= IndexedFrom)
        {
            _index = new Dictionary<StageDispatch, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < Count; i++)
            {
                _index.Add(_entries[i].Stage, i);
            }
        }
    }

    private readonly int Find(StageDispatch stage)
    {
        if (_index is not null)
        {
            return _index.GetValueOrDefault(stage, -1);
        }

        for (var i = 0; i < Count; i++)
        {
            if (ReferenceEquals(_entries![i].Stage, stage))
            {
                return i;
            }
        }

        return -1;
    }
}
