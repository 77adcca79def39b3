using System.CommandLine;
using System.CommandLine.Parsing;

namespace CSharpFrontend.Frontend.Cli;

/// <summary>
/// Repeatable string values read as the tokens given. System.CommandLine would build the array through
/// <see cref="Array.CreateInstance(Type, int)"/>, which starts the NativeAOT runtime's type loader: a cost paid by
/// every short run that gives such a value. The values are the same.
/// </summary>
internal static class GivenValues
{
    public static Option<string[]> AsGiven(this Option<string[]> option)
    {
        option.CustomParser = Tokens;
        return option;
    }

    public static Argument<string[]> AsGiven(this Argument<string[]> argument)
    {
        argument.CustomParser = Tokens;
        return argument;
    }

    /// <summary>
    /// The values given for <paramref name="option"/>, empty when it was not given. <c>GetValue</c> would make the
    /// empty array through <see cref="Array.CreateInstance(Type, int)"/> as well.
    /// </summary>
    public static string[] Given(this ParseResult result, Option<string[]> option) =>
        result.GetResult(option) is { } given ? Tokens(given.Tokens) : [];

    /// <summary>The values given for <paramref name="argument"/>, empty when none was.</summary>
    public static string[] Given(this ParseResult result, Argument<string[]> argument) =>
        result.GetResult(argument) is { } given ? Tokens(given.Tokens) : [];

    private static string[] Tokens(ArgumentResult result) => Tokens(result.Tokens);

    private static string[] Tokens(IReadOnlyList<Token> tokens)
    {
        var values = new string[tokens.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = tokens[i].Value;
        }

        return values;
    }
}
