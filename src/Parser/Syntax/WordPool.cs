using System.Collections.Immutable;
using System.Runtime.InteropServices;

namespace CSharpFrontend.Parser.Syntax;

/// <summary>
/// One string for each short word seen again in a Dockerfile (<c>AS</c>, <c>scratch</c>, a path copied in every
/// stage): the syntax tree of a long Dockerfile keeps each repeated word once. Bounded: after
/// <see cref="MaxWords"/> distinct words it only finds, so a file of unique words costs at most that much.
/// </summary>
internal sealed class WordPool
{
    private const int MaxLength = 32;
    private const int MaxWords = 4096;

    private readonly Dictionary<string, string> _words = new(StringComparer.Ordinal);

    /// <summary>Replaces, in place, each word of <paramref name="words"/> already seen by the first one seen.</summary>
    /// <remarks>Only equal strings are exchanged, so an array shared with other readers keeps its values.</remarks>
    public ImmutableArray<string> Share(ImmutableArray<string> words)
    {
        if (words.IsDefaultOrEmpty)
        {
            return words;
        }

        var array = ImmutableCollectionsMarshal.AsArray(words)!;
        for (var i = 0; i < array.Length; i++)
        {
            array[i] = Share(array[i]);
        }

        return words;
    }

    private string Share(string word)
    {
        if (word.Length > MaxLength)
        {
            return word;
        }

        if (_words.TryGetValue(word, out var seen))
        {
            return seen;
        }

        if (_words.Count < MaxWords)
        {
            _words.Add(word, word);
        }

        return word;
    }
}
