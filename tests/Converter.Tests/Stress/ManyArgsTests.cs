using System.Text;
using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>Ten thousand ARGs, global and in a stage, all used by the stage's one RUN.</summary>
[Collection(StressCollection.Name)]
public sealed class ManyArgsTests(ITestOutputHelper output)
{
    internal static string Generate(int args)
    {
        var text = new StringBuilder();
        for (var i = 0; i < args / 2; i++)
        {
            text.Append($"ARG G{i}=global{i}\n");
        }

        text.Append("FROM alpine\n");
        for (var i = 0; i < args - args / 2; i++)
        {
            text.Append($"ARG G{i}\nARG S{i}=${{G{i}}}-stage\n");
        }

        text.Append("RUN echo $S0 $S1\n");
        return text.ToString();
    }

    [Fact]
    public void TenThousandArgsTranslate()
    {
        _ = Translation.Run(Generate(1_000));
        var run = Translation.Best(Generate(10_000));
        output.WriteLine($"10,000 ARGs: {run.Elapsed.TotalMilliseconds:F0} ms, {run.AllocatedBytes / 1e6:F1} MB allocated");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(2), $"took {run.Elapsed.TotalMilliseconds:F0} ms");
        var exec = run.Result.Definition.Ops.Single(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec).Op.Exec;
        Assert.Contains("S4999=global4999-stage", exec.Meta.Env);
    }

    [Fact]
    public void ArgsScaleLinearly() => Scaling.AssertLinear(Generate, 5_000, output);
}
