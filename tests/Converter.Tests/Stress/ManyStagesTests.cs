using System.Text;
using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>A thousand stages, each built FROM the one before and copying from it.</summary>
[Collection(StressCollection.Name)]
public sealed class ManyStagesTests(ITestOutputHelper output)
{
    internal static string Generate(int stages)
    {
        var text = new StringBuilder("FROM alpine AS s0\nRUN echo 0 > /f0\n");
        for (var i = 1; i < stages; i++)
        {
            text.Append($"FROM s{i - 1} AS s{i}\nCOPY --from=s{i - 1} /f{i - 1} /f{i}\n");
        }

        return text.ToString();
    }

    [Fact]
    public void AThousandStagesTranslate()
    {
        _ = Translation.Run(Generate(100));
        var run = Translation.Best(Generate(1_000));
        output.WriteLine($"1,000 stages: {run.Elapsed.TotalMilliseconds:F0} ms, {run.AllocatedBytes / 1e6:F1} MB allocated");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(2), $"took {run.Elapsed.TotalMilliseconds:F0} ms");
        // One image source, the RUN, 999 copies and the terminal op.
        Assert.Equal(1 + 1 + 999 + 1, run.Result.Definition.Ops.Length);
    }

    [Fact]
    public void StagesScaleLinearly() => Scaling.AssertLinear(Generate, 1_000, output);
}
