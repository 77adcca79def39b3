using CSharpFrontend.Parser;

namespace CSharpFrontend.Parser.Tests;

public sealed class ConformanceTests
{
    public static TheoryData<string, string> AstCases() => Corpus.CasesWith("ast.txt");

    public static TheoryData<string, string> AstErrorCases() => Corpus.CasesWith("ast-error.txt");

    public static TheoryData<string, string> ErrorCases() => Corpus.CasesWith("error.txt");

    [Theory]
    [MemberData(nameof(AstCases))]
    public void DumpMatchesReference(string corpus, string name)
    {
        var c = Corpus.Named(corpus);
        var result = c.Parse(name);
        Assert.True(result.Syntax is not null, string.Join("\n", result.Diagnostics));
        Assert.Equal(File.ReadAllText(c.Expected(name, "ast.txt")), AstDump.Render(result.Syntax!));
    }

    /// <summary>Converter errors raised while parsing a RUN --mount (after expansion) come from <see cref="RunMount.Parse"/>.</summary>
    [Fact]
    public void MountErrorOfConverterCase()
    {
        foreach (var c in Corpus.All)
        {
            var expected = File.ReadAllText(c.Expected("bk-dockerfile_mount-L118", "error.txt")).TrimEnd('\n');
            var ast = c.Parse("bk-dockerfile_mount-L118").Ast!;
            var errors = ast.Stages.SelectMany(s => s.Commands).OfType<RunInstruction>().SelectMany(r => r.Mounts)
                .Select(m => RunMount.Parse(m, (string w, out string? e) => { e = null; return w; }).Error)
                .Where(e => e is not null);
            Assert.Equal(expected, "error: " + errors.First());
        }
    }

    [Theory]
    [MemberData(nameof(AstErrorCases))]
    public void ParserRejectsOrWarnsLikeReference(string corpus, string name)
    {
        var c = Corpus.Named(corpus);
        var expected = File.ReadAllText(c.Expected(name, "ast-error.txt")).TrimEnd('\n');
        var result = c.Parse(name);
        if (expected.StartsWith("warning: ", StringComparison.Ordinal))
        {
            var message = expected["warning: ".Length..];
            Assert.Contains(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message == message);
        }
        else
        {
            Assert.Null(result.Syntax);
            var error = Assert.Single(result.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal(expected, error.Message);
        }
    }

    /// <summary>Converter errors that BuildKit raises while parsing (syntax or instruction level) must be ours too, same words.</summary>
    [Theory]
    [MemberData(nameof(ErrorCases))]
    public void ParseLevelConverterErrorsMatch(string corpus, string name)
    {
        var c = Corpus.Named(corpus);
        var expected = File.ReadAllText(c.Expected(name, "error.txt")).TrimEnd('\n');
        Assert.StartsWith("error: ", expected);
        expected = expected["error: ".Length..];
        var result = c.Parse(name);
        if (!ParseLevel.Contains(name))
        {
            // Raised later by the converter (stage resolution, base names, ...): the parse must succeed.
            Assert.True(result.Ast is not null, string.Join("\n", result.Diagnostics));
            return;
        }

        var error = result.FirstError;
        Assert.NotNull(error);
        Assert.Equal(expected, error!.ToBuildKitMessage());
    }

    private static readonly HashSet<string> ParseLevel =
    [
        "bk-dockerfile-L2089",
        "bk-dockerfile_mount-L93",
        "bk-errors-L25",
        "bk-errors-L52",
        "bk24-dockerfile-L3019",
        "bk24-dockerfile_lint-L838",
        "parser-flags",
        "parser-health",
        "parser-jeztah-invalid-json-json-inside-string",
        "parser-jeztah-invalid-json-single-quotes",
        "parser-jeztah-invalid-json-unterminated-bracket",
        "parser-jeztah-invalid-json-unterminated-string",
        "parser-json",
        "parserneg-only_comments",
        "parserneg-shykes-nested-json",
        "real-postgis__docker-postgis__17-3.6__Dockerfile",
    ];
}
