using System.Text;
using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>A generated Dockerfile of 20,000 lines, every kind of instruction, translates fast and linearly.</summary>
[Collection(StressCollection.Name)]
public sealed class LargeDockerfileTests(ITestOutputHelper output)
{
    /// <summary>
    /// <paramref name="lines"/> lines in stages of 2,000, each stage copying from the one before. Names that
    /// accumulate in every later op (ENV, ARG) cycle through a fixed set, so the graph itself stays linear in size.
    /// </summary>
    internal static string Generate(int lines)
    {
        var text = new StringBuilder("# syntax=docker/dockerfile:1\nARG BASE=alpine:3.18\n");
        var stage = 0;
        for (var i = 0; i < lines; i++)
        {
            if (i % 2000 == 0)
            {
                text.Append($"FROM $BASE AS s{stage}\n");
                if (stage > 0)
                {
                    text.Append($"COPY --from=s{stage - 1} /app /prev{stage}\n");
                }

                stage++;
                continue;
            }

            text.Append((i % 10) switch
            {
                0 => $"RUN echo step {i} && touch /tmp/f{i}\n",
                1 => $"COPY src/file{i}.txt /app/file{i}.txt\n",
                2 => $"LABEL l{i}=\"v{i}\"\n",
                3 => $"WORKDIR /app/d{i % 50}\n",
                4 => $"ENV E{i % 20}=x{i}\n",
                5 => $"ARG A{i % 20}=a{i}\n",
                6 => $"RUN --mount=type=cache,target=/root/.cache echo {i} $E{i % 20}\n",
                7 => $"EXPOSE {1000 + i % 100}\n",
                8 => $"USER u{i % 5}\n",
                _ => $"# comment {i}\n",
            });
        }

        return text.ToString();
    }

    [Fact]
    public void TwentyThousandLinesTranslateInUnderTwoSeconds()
    {
        var dockerfile = Generate(20_000);
        Assert.True(dockerfile.Count(c => c == '\n') >= 20_000);
        _ = Translation.Run(Generate(2_000));
        var run = Translation.Best(dockerfile);
        output.WriteLine($"20,000 lines: {run.Elapsed.TotalMilliseconds:F0} ms, {run.AllocatedBytes / 1e6:F1} MB allocated, definition {run.Definition.Length} bytes");
        Assert.True(run.Elapsed < TimeSpan.FromSeconds(2), $"took {run.Elapsed.TotalMilliseconds:F0} ms");
        Assert.True(run.Result.Definition.Ops.Length > 5_000);
    }

    [Fact]
    public void TimeAndMemoryGrowLinearly() => Scaling.AssertLinear(Generate, 5_000, output);
}
