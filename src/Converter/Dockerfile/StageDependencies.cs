using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>
/// The stages one stage reads from, in the order first referenced, each with the last instruction that reads it (as
/// BuildKit keeps one command per dependency). Most stages have none or one: the first is held in place, the others in
/// a small array, with an index by stage only once there are many (a Dockerfile of 100,000 stages each reading one
/// other keeps no object for it). A mutable value held in its stage (<see cref="StageDispatch.Deps"/> returns it by
/// reference).
/// </summary>
internal struct StageDependencies
{
    private const int IndexedFrom = 8;

    private StageDispatch? _firstStage;
    private Instruction? _firstInstruction;
    private (StageDispatch Stage, Instruction Instruction)[]? _rest;
    private Dictionary<StageDispatch, int>? _index;
    private int _count;

    public readonly int Count => _count;

    /// <summary>The <paramref name="position"/>-th dependency in the order first referenced.</summary>
    public readonly (StageDispatch Stage, Instruction Instruction) this[int position] =>
        position >= _count ? throw new ArgumentOutOfRangeException(nameof(position))
        : position == 0 ? (_firstStage!, _firstInstruction!)
        : _rest![position - 1];

    /// <summary>The stages in the order first referenced.</summary>
    public readonly IEnumerable<StageDispatch> Stages
    {
        get
        {
            var copy = this;
            return Enumerable.Range(0, _count).Select(i => copy[i].Stage);
        }
    }

    /// <summary>Records that <paramref name="instruction"/> reads <paramref name="stage"/> (it replaces an earlier one for the same stage).</summary>
    public void Set(StageDispatch stage, Instruction instruction)
    {
        var found = Find(stage);
        if (found == 0)
        {
            _firstInstruction = instruction;
            return;
        }

        if (found > 0)
        {
            _rest![found - 1] = (stage, instruction);
            return;
        }

        if (_count == 0)
        {
            (_firstStage, _firstInstruction) = (stage, instruction);
        }
        else
        {
            _rest ??= new (StageDispatch, Instruction)[1];
            if (_count - 1 == _rest.Length)
            {
                Array.Resize(ref _rest, _rest.Length * 2);
            }

            _rest[_count - 1] = (stage, instruction);
        }

        _index?.Add(stage, _count);
        _count++;
        if (_index is null && _count >= IndexedFrom)
        {
            _index = new Dictionary<StageDispatch, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < _count; i++)
            {
                _index.Add(this[i].Stage, i);
            }
        }
    }

    private readonly int Find(StageDispatch stage)
    {
        if (_index is not null)
        {
            return _index.GetValueOrDefault(stage, -1);
        }

        for (var i = 0; i < _count; i++)
        {
            if (ReferenceEquals(this[i].Stage, stage))
            {
                return i;
            }
        }

        return -1;
    }
}
