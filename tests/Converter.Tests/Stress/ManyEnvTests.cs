using System.Text;
using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>
/// Thousands of ENV names: the stage's environment and the image config's Env both grow with each. The image
/// config's Env is still an array that each ENV scans and copies (as BuildKit's addEnv scans it), so this checks a
/// bound rather than linearity.
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
    public void ThreeThousandNamesTranslate()
    {
        _ = Translation.Run(Generate(500));
        var run = Translation.Best(Generate(3_000));
        output.WriteLine($"3,000 ENV names: {run.Elapsed.TotalMilliseconds:F0} ms, {run.AllocatedBytes / 1e6:F1} MB allocated");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(2), $"took {run.Elapsed.TotalMilliseconds:F0} ms");
        // ENV replaces a name in place in the image config (BuildKit's addEnv) but moves it last in the LLB env.
        Assert.Equal("E0=last", run.Result.Image.Config.Env[1]);
        var exec = run.Result.Definition.Ops.Single(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec).Op.Exec;
        Assert.Equal("E0=last", exec.Meta.Env[^1]);
    }
}
