using System.Text;
using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>Stage i registers ONBUILD triggers that stage i+1's FROM runs, level after level.</summary>
[Collection(StressCollection.Name)]
public sealed class OnbuildChainTests(ITestOutputHelper output)
{
    internal static string Generate(int levels)
    {
        var text = new StringBuilder("FROM alpine AS s0\nONBUILD RUN echo 0\nONBUILD ENV LEVEL=0\n");
        for (var i = 1; i < levels; i++)
        {
            text.Append($"FROM s{i - 1} AS s{i}\nONBUILD RUN echo {i} $LEVEL\nONBUILD ENV LEVEL={i}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void FiveHundredLevelsRunEachTriggerOnce()
    {
        _ = Translation.Run(Generate(50));
        var run = Translation.Best(Generate(500));
        output.WriteLine($"500 ONBUILD levels: {run.Elapsed.TotalMilliseconds:F0} ms, {run.AllocatedBytes / 1e6:F1} MB allocated");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(2), $"took {run.Elapsed.TotalMilliseconds:F0} ms");
        // Triggers run once, in the next stage only: one RUN per level but the last (whose triggers nothing runs).
        var execs = run.Result.Definition.Ops.Where(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec).ToArray();
        Assert.Equal(499, execs.Length);
        Assert.Contains(execs, e => e.Op.Exec.Meta.Args[^1] == "echo 498 $LEVEL" && e.Op.Exec.Meta.Env.Contains("LEVEL=497"));
        Assert.Equal(["RUN echo 499 $LEVEL", "ENV LEVEL=499"], run.Result.Image.Config.OnBuild);
    }

    [Fact]
    public void LevelsScaleLinearly() => Scaling.AssertLinear(Generate, 500, output);
}
