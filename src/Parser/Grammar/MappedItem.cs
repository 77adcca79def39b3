using Pidgin;

namespace CSharpFrontend.Parser.Grammar;

/// <summary>
/// <c>item</c> with its result turned into another: Pidgin's <c>Select</c>/<c>Map</c> of one parser, and
/// <c>ThenReturn</c>. Pidgin's own are generic virtual calls where a result type is a reference type (see
/// <see cref="OptionalItem{T}"/>): the NativeAOT runtime resolves each by building code the first time a process
/// reads a JSON array or a flag. This one is a plain parser.
/// </summary>
/// <typeparam name="T">The item's result.</typeparam>
/// <typeparam name="TResult">The result.</typeparam>
/// <param name="item">The item.</param>
/// <param name="selector">What its result becomes.</param>
internal sealed class MappedItem<T, TResult>(Parser<char, T> item, Func<T, TResult> selector) : Parser<char, TResult>
{
    /// <inheritdoc/>
    public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out TResult result)
    {
        if (item.TryParse(ref state, ref expecteds, out var value))
        {
            result = selector(value);
            return true;
        }

        result = default!;
        return false;
    }
}

/// <summary>The grammar's mapped and concatenated items, without Pidgin's generic virtual calls.</summary>
internal static class MappedItemExtensions
{
    /// <summary><c>item</c> with its result turned by <paramref name="selector"/> (see <see cref="MappedItem{T, TResult}"/>).</summary>
    public static Parser<char, TResult> Mapped<T, TResult>(this Parser<char, T> item, Func<T, TResult> selector) =>
        new MappedItem<T, TResult>(item, selector);

    /// <summary><c>item*</c> with the texts joined: Pidgin's <c>ManyString</c> of a text parser.</summary>
    public static Parser<char, string> ManyConcatenated(this Parser<char, string> item) =>
        Repeated<string>.Many(item).Mapped(string.Concat);

    /// <summary><c>item+</c> with the texts joined: Pidgin's <c>AtLeastOnceString</c> of a text parser.</summary>
    public static Parser<char, string> AtLeastOnceConcatenated(this Parser<char, string> item) =>
        Repeated<string>.AtLeastOnce(item).Mapped(string.Concat);
}
