using Pidgin;

namespace CSharpFrontend.Parser.Grammar;

/// <summary>
/// Repetition for the grammar: <c>item*</c>, <c>item+</c> or <c>item (separator item)*</c>, with the results in a list.
/// It reads like Pidgin's <c>Many</c>, <c>AtLeastOnce</c> and <c>SeparatedAtLeastOnce</c> and keeps their rules: the
/// repetition stops when the next item (or separator and item) fails without consuming input and fails when it fails
/// after consuming some. It exists because Pidgin's own repetition returns <c>IEnumerable&lt;T&gt;</c> parsers that
/// NativeAOT cannot compile: their generics expand without end (IL3054, code that throws if ever reached).
/// </summary>
/// <typeparam name="T">The item's result.</typeparam>
/// <param name="item">One item.</param>
/// <param name="separator">What comes between two items, or null when they follow one another.</param>
/// <param name="atLeastOnce">Whether an input without an item fails (otherwise it gives an empty list).</param>
/// <param name="isLast">An item after which the repetition ends, if any.</param>
internal sealed class Repeated<T>(Parser<char, T> item, Parser<char, Unit>? separator, bool atLeastOnce, Func<T, bool>? isLast = null)
    : Parser<char, List<T>>
{
    /// <summary><c>item*</c>.</summary>
    public static Repeated<T> Many(Parser<char, T> item) => new(item, null, atLeastOnce: false);

    /// <summary><c>item+</c>.</summary>
    public static Repeated<T> AtLeastOnce(Parser<char, T> item) => new(item, null, atLeastOnce: true);

    /// <summary><c>item (separator item)*</c>.</summary>
    public static Repeated<T> SeparatedAtLeastOnce(Parser<char, T> item, Parser<char, Unit> separator) => new(item, separator, atLeastOnce: true);

    /// <summary><c>item*</c>, ending after the first item for which <paramref name="isLast"/> holds.</summary>
    public static Repeated<T> Until(Parser<char, T> item, Func<T, bool> isLast) => new(item, null, atLeastOnce: false, isLast);

    /// <inheritdoc/>
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out List<T> result)
    {
        var items = new List<T>();
        result = items;
        var attempt = new PooledList<Expected<char>>(state.Configuration.ArrayPoolProvider.GetArrayPool<Expected<char>>());
        try
        {
            while (true)
            {
                long start = state.Location;
                bool first = items.Count == 0;
                if ((first || separator is null || separator.TryParse(ref state, ref attempt, out _))
                    && item.TryParse(ref state, ref attempt, out var value))
                {
                    if (state.Location <= start)
                    {
                        // An item that consumes nothing would repeat forever.
                        throw new InvalidOperationException("Repeated: an item consumed no input");
                    }

                    items.Add(value);
                    attempt.Clear();
                    if (isLast is not null && isLast(value))
                    {
                        return true;
                    }

                    continue;
                }

                bool consumed = state.Location > start;
                if (consumed || (first && atLeastOnce))
                {
                    // The failing parser set state.Error; its expectations explain the failure.
                    expecteds.AddRange(attempt.AsSpan());
                    return false;
                }

                return true;
            }
        }
        finally
        {
            attempt.Dispose();
        }
    }
}
