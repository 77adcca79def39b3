namespace CSharpFrontend.Shell.Tests.Unit;

/// <summary>Small helpers shared by the unit tests.</summary>
internal static class Expand
{
    public static readonly ShellLexer Backslash = new('\\');

    public static IShellEnvironment Env(params string[] pairs) => ShellEnvironment.FromPairs(pairs);

    public static string Word(string input, params string[] env) => Backslash.ProcessWord(input, Env(env)).Value;

    public static string[] Words(string input, params string[] env) => [.. Backslash.ProcessWords(input, Env(env)).Words];

    public static string Reason(string input, params string[] env) =>
        Assert.Throws<ShellExpansionException>(() => Backslash.ProcessWord(input, Env(env))).Reason;
}
