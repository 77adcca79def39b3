using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// UndefinedVar and UndefinedArgInFrom as v0.24.0's dispatcher collects them, each Dockerfile linted by its
/// <c>dockerfile2llb -lint</c> (rule, first line, detail, then the build error): every word is expanded with quote
/// processing except heredoc contents (<c>ExpandRaw</c>: <c>SkipProcessQuotes</c>), so a single-quoted
/// <c>$X</c> is never undefined outside a heredoc; each word is reported on its own (a name unset in two words twice);
/// the word that fails still reports the names it found unset before the failure (<c>ProcessWord</c> returns them
/// with the error), and nothing after it is expanded (an ARG's later defaults included).
/// </summary>
public sealed class LintExpansionTests
{
    internal static async Task<string[]> LintAsync(string dockerfile, ConvertOptions? options = null)
    {
        options ??= new ConvertOptions { TargetPlatform = LlbPlatform.LinuxAmd64, BuildPlatforms = [LlbPlatform.LinuxAmd64] };
        var result = await DockerfileLinter.LintAsync(Encoding.UTF8.GetBytes(dockerfile), "Dockerfile", options);
        var warnings = result.Sorted().Select(w => $"{w.Rule.Name} {w.Ranges[0].StartLine} {w.Detail}");
        return [.. result.Error is { } error ? warnings.Append("error: " + error.Message) : warnings];
    }

    [Fact]
    public async Task SingleQuotesHideAVariableExceptInAHeredoc() =>
        Assert.Equal(
            [
                "UndefinedVar 8 Usage of undefined variable '$Q11' (did you mean $$Q1?)",
                "UndefinedVar 9 Usage of undefined variable '$Q13' (did you mean $$Q1?)",
                "UndefinedVar 9 Usage of undefined variable '$Q14' (did you mean $$Q1?)",
                "error: invalid signal: $Q18",
            ],
            await LintAsync(
                "FROM scratch\n" +
                "ENV '$Q1'=a b='$Q2'\n" +
                "LABEL '$Q3'=a b='$Q4'\n" +
                "COPY --chown=\"'$Q5'\" '$Q6' '$Q7'\n" +
                "WORKDIR '/$Q8'\n" +
                "USER '$Q9'\n" +
                "VOLUME '$Q10'\n" +
                "RUN --mount=type=bind,target='$Q11' --mount=\"type=bind,target='$Q12'\" true\n" +
                "COPY <<EOF /x\n'$Q13' \"$Q14\"\nEOF\n" +
                "ADD --chown=\"'$Q15'\" https://x/'$Q16' '$Q17'\n" +
                "STOPSIGNAL '$Q18'\n"));

    [Theory]
    [InlineData("COPY --chmod=\"'$C'\" a /", "invalid syntax")]
    [InlineData("ADD --chmod=\"'$C'\" a /", "invalid syntax")]
    [InlineData("ADD --checksum=\"'$C'\" https://x/a /", "invalid checksum digest format")]
    public async Task AQuotedFlagValueIsNotExpanded(string instruction, string error) =>
        Assert.Equal(["error: " + error], await LintAsync("FROM scratch\n" + instruction + "\n"));

    [Fact]
    public async Task ANameUnsetInTwoWordsIsReportedTwice() =>
        Assert.Equal(
            [
                "UndefinedVar 2 Usage of undefined variable '$U'",
                "UndefinedVar 2 Usage of undefined variable '$U'",
                "UndefinedVar 3 Usage of undefined variable '$V'",
            ],
            await LintAsync("FROM scratch\nCOPY $U $U /\nCOPY $V$V /\n"));

    [Theory]
    [InlineData("COPY $U0 $U1\"abc /", "failed to process \"$U1\\\"abc\": unexpected end of statement while looking for matching double-quote")]
    [InlineData("ENV A=$U0 B=$U1${U2:?x} C=$U3", "failed to process \"$U1${U2:?x}\": U2: x")]
    [InlineData("ARG A=$U0${U1:?x} B=$U2", "failed to process \"$U0${U1:?x}\": U1: x")]
    [InlineData("COPY $U0 ${U1:?x}", "failed to process \"${U1:?x}\": U1: x")]
    public async Task TheFailingWordReportsWhatItFoundUnsetAndStopsTheRest(string instruction, string error)
    {
        var names = instruction.StartsWith("ENV", StringComparison.Ordinal) ? new[] { "U0", "U1", "U2" } : ["U0", "U1"];
        string[] expected = [.. names.Select(n => $"UndefinedVar 2 Usage of undefined variable '${n}'"), "error: " + error];
        Assert.Equal(expected, await LintAsync("FROM scratch\n" + instruction + "\n"));
    }

    [Theory]
    [InlineData("FROM $U0${U1:?x}", "failed to process \"$U0${U1:?x}\": U1: x")]
    [InlineData("FROM --platform=$U0${U1:?x} scratch", "failed to process arguments for platform : failed to process \"$U0${U1:?x}\": U1: x")]
    public async Task AFromThatFailsToExpandReportsItsUndeclaredArgs(string from, string error) =>
        Assert.Equal(
            [
                "UndefinedArgInFrom 1 FROM argument 'U0' is not declared",
                "UndefinedArgInFrom 1 FROM argument 'U1' is not declared",
                "error: " + error,
            ],
            await LintAsync(from + "\n"));

    [Fact]
    public async Task SuggestionsAreCaseSensitive() =>
        Assert.Equal(
            [
                "UndefinedArgInFrom 2 FROM argument 'foo' is not declared",
                "UndefinedArgInFrom 3 FROM argument 'FO' is not declared (did you mean FOO?)",
                "UndefinedVar 5 Usage of undefined variable '$FOO'",
                "UndefinedVar 6 Usage of undefined variable '$fo' (did you mean $foo?)",
            ],
            await LintAsync("ARG FOO=x\nFROM scratch$foo\nFROM scratch$FO\nENV foo=1\nCOPY $FOO /\nCOPY $fo /\n"));

    [Fact]
    public async Task TargetPlatformWithAnUnsetArgIsNotRedundant() =>
        Assert.Equal(
            ["UndefinedArgInFrom 1 FROM argument 'U' is not declared"],
            await LintAsync("FROM --platform=$TARGETPLATFORM$U scratch\n"));

    [Fact]
    public async Task ANameThatDiffersOnlyInCaseIsNoSuggestion() =>
        Assert.Equal(
            ["UndefinedArgInFrom 2 FROM argument 'fox' is not declared", "UndefinedVar 4 Usage of undefined variable '$FOx'"],
            await LintAsync("ARG FOO=x\nFROM scratch$fox\nENV foo=1\nCOPY $FOx /\n"));

    [Fact]
    public async Task AddExpandsItsFlagsThenItsPaths() =>
        Assert.Equal(
            ["UndefinedVar 2 Usage of undefined variable '$A1'", "UndefinedVar 2 Usage of undefined variable '$A2'"],
            await LintAsync("FROM scratch\nADD --chown=\"'$C'\" $A1 $A2/\n"));

    [Fact]
    public async Task TheFilesEscapeTokenEscapesADollar() =>
        Assert.Equal(
            ["UndefinedVar 3 Usage of undefined variable '$V'"],
            await LintAsync("# escape=`\nFROM scratch\nCOPY `$U $V /\n"));
}
