namespace CSharpFrontend.Parser.Tests;

/// <summary>A <c>--mount</c> value parsed as the tests need it: words taken as they are, the mount or a failure.</summary>
internal static class RunMountParsing
{
    /// <summary>No variable expansion: each word is its own value.</summary>
    public static string? Identity(string word, out string? error)
    {
        error = null;
        return word;
    }

    /// <summary>The mount <paramref name="spec"/> describes; the test fails if it is refused.</summary>
    public static RunMount Ok(string spec)
    {
        var (mount, error) = RunMount.Parse(spec, Identity);
        Assert.Null(error);
        return mount!;
    }
}
