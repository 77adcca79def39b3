using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// The conversion reads each node into its instruction as it goes and keeps no syntax tree; what BuildKit does in two
/// passes must still come out in its order: the node checks up to the rejected instruction, and an error of the node
/// level after a rejected instruction winning over it. Expected values from v0.24.0's <c>dockerfile2llb -lint</c> on
/// the same Dockerfiles.
/// </summary>
public sealed class ParseOrderTests
{
    private const string RejectedAtLine6 = "# hi\nFROM alpine AS Build\nMAINTAINER me\n# nope\nARG X\nEXPOSE\nFROM x as Y\n";

    private static ValueTask<LintResult> LintAsync(string text) => DockerfileLinter.LintAsync(Encoding.UTF8.GetBytes(text), "Dockerfile", new ConvertOptions
    {
        TargetPlatform = LlbPlatform.LinuxAmd64,
        BuildPlatforms = [LlbPlatform.LinuxAmd64],
        BuildArgs = ImmutableDictionary<string, string>.Empty,
    });

    [Fact]
    public async Task TheNodeChecksStopAtTheRejectedInstruction()
    {
        var result = await LintAsync(RejectedAtLine6);
        Assert.Equal(["StageNameCasing:2", "MaintainerDeprecated:3"], result.Sorted().Select(w => $"{w.Rule.Name}:{w.Ranges[0].StartLine}"));
        Assert.Equal("dockerfile parse error on line 6: EXPOSE requires at least one argument", result.Error!.Message);
        Assert.Equal(6, result.Error.Ranges[0].StartLine);
    }

    [Fact]
    public async Task ANodeErrorAfterARejectedInstructionWins()
    {
        var result = await LintAsync(RejectedAtLine6 + "RUN <<EOF\n");
        Assert.Empty(result.Warnings);
        Assert.Equal("unterminated heredoc", result.Error!.Message);
        Assert.Equal(8, result.Error.Ranges[0].StartLine);
    }

    [Fact]
    public async Task TheConversionReportsTheNodeErrorToo()
    {
        var error = await Assert.ThrowsAsync<ConvertException>(async () => await DockerfileConverter.ConvertAsync(RejectedAtLine6 + "RUN <<EOF\n", new ConvertOptions()));
        Assert.Equal("unterminated heredoc", error.Message);
        Assert.Equal(8, error.Range!.Value.StartLine);
    }
}
