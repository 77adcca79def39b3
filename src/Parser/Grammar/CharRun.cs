using Pidgin;

namespace CSharpFrontend.Parser.Grammar;

/// <summary>
/// A run of characters of one class, the grammar's most used primitive: what <c>Token(predicate).SkipMany()</c> and
/// <c>Token(predicate).SkipAtLeastOnce()</c> read, looked at a chunk at a time (as Pidgin's own whitespace parser
/// does) rather than through one parser call per character.
/// </summary>
/// <param name="predicate">The character class.</param>
/// <param name="atLeastOnce">Whether the run must hold a character (otherwise it may be empty).</param>
internal sealed class CharRun(Func<char, bool> predicate, bool atLeastOnce) : Parser<char, Unit>
{
    private const int Chunk = 64;

    /// <summary>Zero or more characters matching <paramref name="predicate"/>.</summary>
    public static CharRun Many(Func<char, bool> predicate) => new(predicate, atLeastOnce: false);

    /// <summary>One or more characters matching <paramref name="predicate"/>.</summary>
    public static CharRun AtLeastOnce(Func<char, bool> predicate) => new(predicate, atLeastOnce: true);

    /// <inheritdoc/>
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Unit result)
    {
        result = Unit.Value;
        long start = state.Location;
        while (true)
        {
            var chunk = state.LookAhead(Chunk);
            int i = 0;
            while (i < chunk.Length && predicate(chunk[i]))
            {
                i++;
            }

            state.Advance(i);
            if (i < Chunk)
            {
                break;
            }
        }

        if (atLeastOnce && state.Location == start)
        {
            state.SetError(state.HasCurrent ? Maybe.Just(state.Current) : Maybe.Nothing<char>(), !state.HasCurrent, state.Location, null);
            return false;
        }

        return true;
    }
}
