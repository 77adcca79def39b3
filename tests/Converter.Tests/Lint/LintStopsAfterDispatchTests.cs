using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Lint;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Converter.Llb.Marshal;

namespace CSharpFrontend.Converter.Tests.Lint;

/// <summary>
/// BuildKit's lint and outline run <c>toDispatchState</c> and never marshal: a graph only the marshaller refuses is no
/// error there. Expected values from v0.24.0's <c>dockerfile2llb -f F -lint lint.json</c>: for <c>FROM scratch</c> then
/// <c>RUN []</c> its lint.json has neither warnings nor a build error, while its conversion fails with "arguments are
/// required" (the frontend's build wraps it as "failed to marshal LLB definition: ...").
/// </summary>
public sealed class LintStopsAfterDispatchTests
{
    private const string EmptyExec = "FROM scratch\nRUN []\n";

    private static ConvertOptions Options => new()
    {
        TargetPlatform = LlbPlatform.LinuxAmd64,
        BuildPlatforms = [LlbPlatform.LinuxAmd64],
        BuildArgs = ImmutableDictionary<string, string>.Empty,
    };

    [Fact]
    public async Task AnEmptyExecIsNoLintError()
    {
        var result = await DockerfileLinter.LintAsync(Encoding.UTF8.GetBytes(EmptyExec), "Dockerfile", Options);
        Assert.Null(result.Error);
        Assert.Empty(result.Warnings);
    }

    [Fact]
    public async Task TheBuildStillRefusesIt()
    {
        var error = await Assert.ThrowsAsync<ConvertException>(async () => await DockerfileConverter.ConvertAsync(EmptyExec, Options));
        Assert.Equal("failed to marshal LLB definition: arguments are required", error.Message);
    }

    [Fact]
    public async Task AConversionThatStopsAfterDispatchMarshalsNothing()
    {
        const string dockerfile = "FROM scratch\nARG A=1\nRUN --mount=type=secret,id=s [\"true\", \"$A\"]\n";
        var stopped = await DockerfileConverter.ConvertAsync(dockerfile, Options with { MarshalDefinition = false });
        var whole = await DockerfileConverter.ConvertAsync(dockerfile, Options);
        Assert.Same(MarshalResult.Empty, stopped.Definition);
        Assert.Empty(stopped.Definition.Ops);
        Assert.NotEmpty(whole.Definition.Ops);
        Assert.Equal(whole.Outline.ToJson(), stopped.Outline.ToJson());
        Assert.Equal(["s"], stopped.Outline.Secrets.Select(s => s.Name));
    }
}
