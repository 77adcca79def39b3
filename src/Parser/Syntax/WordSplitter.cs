using System.Runtime.CompilerServices;
using System.Text;
using CSharpFrontend.Parser.Text;

namespace CSharpFrontend.Parser.Syntax;

/// <summary>BuildKit's <c>parseWords</c>: blank-separated words, quotes and escapes kept in the words.</summary>
internal static class WordSplitter
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static List<string> Split(string rest, char escape)
    {
        const int InSpaces = 0, InWord = 1, InQuote = 2;
        var words = new List<string>();
        int phase = InSpaces;
        var word = new StringBuilder();
        char quote = '\0';
        bool blankOk = false;
        char ch = '\0';
        int len = rest.Length;
        for (int pos = 0; pos <= len; pos++)
        {
            if (pos != len)
            {
                ch = rest[pos];
            }

            if (phase == InSpaces)
            {
                if (pos == len)
                {
                    break;
                }

                if (GoText.IsSpace(ch))
                {
                    continue;
                }

                phase = InWord;
            }

            if (pos == len)
            {
                if (blankOk || word.Length > 0)
                {
                    words.Add(word.ToString());
                }

                break;
            }

            if (phase == InWord)
            {
                if (GoText.IsSpace(ch))
                {
                    phase = InSpaces;
                    if (blankOk || word.Length > 0)
                    {
                        words.Add(word.ToString());
                    }

                    word.Clear();
                    blankOk = false;
                    continue;
                }

                if (ch is '\'' or '"')
                {
                    quote = ch;
                    blankOk = true;
                    phase = InQuote;
                }

                if (ch == escape)
                {
                    if (pos + 1 == len)
                    {
                        continue;
                    }

                    word.Append(ch);
                    pos++;
                    ch = rest[pos];
                }

                word.Append(ch);
                continue;
            }

            if (ch == quote)
            {
                phase = InWord;
            }

            if (ch == escape && quote != '\'')
            {
                if (pos + 1 == len)
                {
                    phase = InWord;
                    continue;
                }

                pos++;
                word.Append(ch);
                ch = rest[pos];
            }

            word.Append(ch);
        }

        return words;
    }
}
