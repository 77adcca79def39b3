using CSharpFrontend.Parser.Instructions;

namespace CSharpFrontend.Parser;

/// <summary>Heredoc helpers the converter needs (BuildKit's <c>parser.MustParseHeredoc</c> and <c>parser.ChompHeredocContent</c>).</summary>
public static class HeredocHelpers
{
    /// <summary>The heredoc a word such as <c>&lt;&lt;EOF</c> or <c>&lt;&lt;-'EOF'</c> introduces; null when it is not a heredoc word (or is malformed).</summary>
    public static Heredoc? TryParseWord(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        try
        {
            return Syntax.SyntaxParser.ParseHeredoc(word, default);
        }
        catch (ParseException)
        {
            return null;
        }
    }

    /// <summary>Removes the leading tabs of every line (for <c>&lt;&lt;-</c> heredocs).</summary>
    public static string Chomp(string content)
    {
        ArgumentNullException.ThrowIfNull(content);
        return InstructionParser.ChompHeredocContent(content);
    }
}
