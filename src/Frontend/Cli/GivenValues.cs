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

    private static string[] Tokens(ArgumentResult result) => [.. result.Tokens.Select(token => token.Value)];
}
