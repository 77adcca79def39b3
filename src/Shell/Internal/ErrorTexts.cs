namespace CSharpFrontend.Shell.Internal;

/// <summary>The error texts BuildKit's lexer reports, so that messages match upstream byte for byte.</summary>
internal static class ErrorTexts
{
    public const string MissingClosingBrace = "syntax error: missing '}'";
    public const string BadSubstitution = "syntax error: bad substitution";
    public const string MissingSlash = "syntax error: missing '/' in ${}";
    public const string UnterminatedSingleQuote = "unexpected end of statement while looking for matching single-quote";
    public const string UnterminatedDoubleQuote = "unexpected end of statement while looking for matching double-quote";
    public const string NotAllowedUnset = "is not allowed to be unset";
    public const string NotAllowedEmpty = "is not allowed to be empty";

    public static string Unterminated(int stopChar) =>
        "unexpected end of statement while looking for matching " + CodePoints.ToText(stopChar);

    public static string UnsupportedModifier(string modifier) => $"unsupported modifier ({modifier}) in substitution";

    public static string InvalidPattern(string pattern, string reason) =>
        $"invalid pattern ({pattern}) in substitution: {reason}";

    public static string InvalidEscape(int codePoint) => "invalid escape '\\" + CodePoints.ToText(codePoint) + "'";

    public static string NestingTooDeep(int limit) =>
        $"syntax error: substitutions nested more than {limit} levels deep";

    public static string ExpansionTooLarge(long limit) =>
        $"expansion result exceeds the limit of {limit} characters for this Dockerfile (16 per character of the file and its build arguments, at least 256 Ki)";
}
