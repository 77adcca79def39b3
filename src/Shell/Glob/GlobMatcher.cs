namespace CSharpFrontend.Shell.Glob;

/// <summary>
/// Finds matches of a <see cref="GlobPattern"/> with leftmost-first semantics (the match a backtracking
/// engine would report, as Go's regexp does), in O(text × pattern) time by simulating all candidate
/// positions in priority order.
/// </summary>
internal sealed class GlobMatcher
{
    private readonly GlobPattern _pattern;
    private ThreadList _current;
    private ThreadList _next;

    /// <summary>Prepares a matcher for <paramref name="pattern"/>.</summary>
    public GlobMatcher(GlobPattern pattern)
    {
        _pattern = pattern;
        _current = new ThreadList(pattern.Length + 1);
        _next = new ThreadList(pattern.Length + 1);
    }

    /// <summary>
    /// Searches <paramref name="text"/> from <paramref name="from"/>; when <paramref name="anchored"/> the
    /// match must start exactly there. Returns the match as [start, end) code point offsets.
    /// </summary>
    public bool TryMatch(ReadOnlySpan<int> text, int from, bool anchored, out int start, out int end)
    {
        int final = _pattern.Length;
        bool matched = false;
        start = end = -1;
        _current.Clear();

        bool literalFirst = final > 0 && _pattern.Kinds[0] == GlobTokenKind.Literal;
        for (int position = from; position <= text.Length; position++)
        {
            if (!matched && !anchored && literalFirst && _current.Count == 0)
            {
                int skip = text[position..].IndexOf(_pattern.Literals[0]);
                if (skip < 0)
                {
                    break;
                }

                position += skip;
            }

            if (!matched && (!anchored || position == from))
            {
                AddClosure(_current, 0, position);
            }

            int c = position < text.Length ? text[position] : -1;
            _next.Clear();
            for (int i = 0; i < _current.Count; i++)
            {
                int state = _current.StateAt(i);
                int threadStart = _current.StartAt(i);
                if (state == final)
                {
                    matched = true;
                    start = threadStart;
                    end = position;
                    break;
                }

                if (c >= 0 && Accepts(state, c))
                {
                    int target = _pattern.Kinds[state] == GlobTokenKind.Star ? state : state + 1;
                    AddClosure(_next, target, threadStart);
                }
            }

            (_current, _next) = (_next, _current);
            if (_current.Count == 0 && (matched || anchored))
            {
                break;
            }
        }

        return matched;
    }

    private bool Accepts(int state, int c) => _pattern.Kinds[state] switch
    {
        GlobTokenKind.Literal => c == _pattern.Literals[state],
        _ => c != '\n',
    };

    private void AddClosure(ThreadList list, int state, int threadStart)
    {
        var kinds = _pattern.Kinds;
        int final = _pattern.Length;
        if (_pattern.Greedy)
        {
            for (int s = state; s <= final && !list.Contains(s); s++)
            {
                list.Add(s, threadStart);
                if (s == final || kinds[s] != GlobTokenKind.Star)
                {
                    break;
                }
            }

            return;
        }

        int stop = state;
        while (stop < final && kinds[stop] == GlobTokenKind.Star && !list.Contains(stop))
        {
            stop++;
        }

        if (!list.Contains(stop))
        {
            list.Add(stop, threadStart);
        }

        for (int s = stop - 1; s >= state; s--)
        {
            list.Add(s, threadStart);
        }
    }
}
