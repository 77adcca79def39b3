using System.Text;
using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>
/// Ten thousand ENV names: the stage's environment and the image config's Env both grow with each, and each ENV
/// looks its name up in both (as BuildKit's addEnv scans the config's list) without copying either.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class ManyEnvTests(ITestOutputHelper output)
{
    internal static string Generate(int names)
    {
        var text = new StringBuilder("FROM alpine\n");
        for (var i = 0; i < names; i++)
        {
            text.Append($"ENV E{i}=v{i}\n");
        }

        text.Append("ENV E0=last\nRUN true\n");
        return text.ToString();
    }

    [Fact]
    public void TenThousandNamesTranslate()
    {
        _ = Translation.Run(Generate(1_000));
        var run = Translation.Best(Generate(10_000));
        output.WriteLine($"10,000 ENV names: {run.Elapsed.TotalMilliseconds:F0} ms, {run.AllocatedBytes / 1e6:F1} MB allocated");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(2), $"took {run.Elapsed.TotalMilliseconds:F0} ms");
        // ENV replaces a name in place in the image config (BuildKit's addEnv) but moves it last in the LLB env.
        Assert.Equal("E0=last", run.Result.Image.Config.Env[1]);
        Assert.Equal(10_001, run.Result.Image.Config.Env.Count);
        var exec = run.Result.Definition.Ops.Single(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec).Op.Exec;
        Assert.Equal("E0=last", exec.Meta.Env[^1]);
    }

    [Fact]
    public void EnvScalesLinearly() => Scaling.AssertLinear(Generate, 5_000, output);
}
