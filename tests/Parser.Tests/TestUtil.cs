namespace CSharpFrontend.Parser.Tests;

internal static class TestUtil
{
    public static ParseResult Parse(string text) => DockerfileParser.Parse(text);

    public static Dockerfile Ast(string text)
    {
        var r = DockerfileParser.Parse(text);
        Assert.True(r.Ast is not null, string.Join("\n", r.Diagnostics));
        return r.Ast!;
    }

    public static T Single<T>(string text)
        where T : Instruction
    {
        var ast = Ast(text.Contains("FROM", StringComparison.Ordinal) ? text : "FROM scratch\n" + text);
        return Assert.IsType<T>(ast.Stages[^1].Commands[^1]);
    }

    public static Diagnostic Error(string text)
    {
        var r = DockerfileParser.Parse(text);
        Assert.Null(r.Ast);
        var e = r.FirstError;
        Assert.NotNull(e);
        return e!;
    }

    public static string Dump(string text)
    {
        var r = DockerfileParser.Parse(text, new ParseOptions { BuildInstructions = false });
        Assert.True(r.Syntax is not null, string.Join("\n", r.Diagnostics));
        return AstDump.Render(r.Syntax!);
    }
}
