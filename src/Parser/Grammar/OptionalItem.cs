using Pidgin;

namespace CSharpFrontend.Parser.Grammar;

/// <summary>
/// <c>item?</c> for the grammar: the item's result when it parses, nothing when it fails without consuming input, and
/// a failure when it fails after consuming some, as Pidgin's <c>Optional</c>. Pidgin builds its <c>Optional</c> from
/// <c>Select</c>, a generic virtual call that the NativeAOT runtime resolves by building code on first use: about a
/// twentieth of a short process's start-up for the grammar's few optional items. This one is a plain parser.
/// </summary>
/// <typeparam name="T">The item's result.</typeparam>
/// <param name="item">The item.</param>
internal sealed class OptionalItem<T>(Parser<char, T> item) : Parser<char, Maybe<T>>
{
    /// <inheritdoc/>
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out Maybe<T> result)
    {
        long start = state.Location;
        var attempt = new PooledList<Expected<char>>(state.Configuration.ArrayPoolProvider.GetArrayPool<Expected<char>>());
        try
        {
            if (item.TryParse(ref state, ref attempt, out var value))
            {
                result = Maybe.Just(value);
                return true;
            }

            if (state.Location > start)
            {
                expecteds.AddRange(attempt.AsSpan());
                result = default;
                return false;
            }

            result = Maybe.Nothing<T>();
            return true;
        }
        finally
        {
            attempt.Dispose();
        }
    }
}

/// <summary>The grammar's <c>item?</c>: <c>parser.Maybe()</c> reads as Pidgin's <c>parser.Optional()</c>.</summary>
internal static class OptionalItemExtensions
{
    /// <summary><c>item?</c> (see <see cref="OptionalItem{T}"/>).</summary>
    public static Parser<char, Maybe<T>> Maybe<T>(this Parser<char, T> item) => new OptionalItem<T>(item);
}
