namespace CSharpFrontend.Shell.Glob;

/// <summary>An ordered, de-duplicated set of matcher threads (pattern position plus match start).</summary>
internal sealed class ThreadList(int stateCount)
{
    private readonly int[] _states = new int[stateCount];
    private readonly int[] _starts = new int[stateCount];
    private readonly int[] _marks = new int[stateCount];
    private int _generation = 1;

    /// <summary>Number of threads.</summary>
    public int Count { get; private set; }

    /// <summary>Pattern position of thread <paramref name="index"/>.</summary>
    public int StateAt(int index) => _states[index];

    /// <summary>Match start of thread <paramref name="index"/>.</summary>
    public int StartAt(int index) => _starts[index];

    /// <summary>Whether a thread at <paramref name="state"/> is already present.</summary>
    public bool Contains(int state) => _marks[state] == _generation;

    /// <summary>Appends a thread at the lowest priority; the state must not be present yet.</summary>
    public void Add(int state, int start)
    {
        _marks[state] = _generation;
        _states[Count] = state;
        _starts[Count] = start;
        Count++;
    }

    /// <summary>Removes all threads.</summary>
    public void Clear()
    {
        Count = 0;
        _generation++;
        if (_generation == int.MaxValue)
        {
            Array.Clear(_marks);
            _generation = 1;
        }
    }
}
