using System.Text;

namespace CSharpFrontend.Shell.Internal;

/// <summary>Accumulates the words of a top-level expansion, splitting unquoted text on white space.</summary>
internal sealed class WordCollector
{
    private readonly List<string> _words = [];
    private readonly StringBuilder _pending = new();

    /// <summary>Adds text that is subject to splitting (literal characters and unquoted expansions).</summary>
    public void AddSplitting(string text)
    {
        foreach (char c in text)
        {
            AddSplitting(c);
        }
    }

    /// <summary>Adds one code point that is subject to splitting.</summary>
    public void AddSplitting(int codePoint)
    {
        if (CodePoints.IsSpace(codePoint))
        {
            Flush();
        }
        else
        {
            CodePoints.Append(_pending, codePoint);
        }
    }

    /// <summary>Adds text that is kept verbatim in the current word (quoted or escaped text).</summary>
    public void AddRaw(string text) => _pending.Append(text);

    /// <summary>Adds one code point kept verbatim in the current word.</summary>
    public void AddRaw(int codePoint) => CodePoints.Append(_pending, codePoint);

    /// <summary>
    /// Drops the word being built. BuildKit's lexer shares one word buffer between the top level and the
    /// nested words of <c>${VAR op word}</c>, which clears it; this reproduces that observable behaviour.
    /// </summary>
    public void DiscardPending() => _pending.Clear();

    /// <summary>Completes the last word and returns all of them.</summary>
    public IReadOnlyList<string> Finish()
    {
        Flush();
        return Array.AsReadOnly(_words.ToArray());
    }

    private void Flush()
    {
        if (_pending.Length > 0)
        {
            _words.Add(_pending.ToString());
            _pending.Clear();
        }
    }
}
