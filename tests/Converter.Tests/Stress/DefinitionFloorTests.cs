using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Tests.Shared;
using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>
/// Issue 14 item 4: a definition certain to exceed the 16 MiB message limit is refused while it is built, at the
/// instruction that crosses the limit, in time and allocation proportional to what was read up to there.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class DefinitionFloorTests(ITestOutputHelper output)
{
    [Fact]
    public void AHundredThousandRunsFailAtTheLimitNotAfterTheLastOne()
    {
        // 100,000 RUNs whose args, environment and names alone come to over 30 MB.
        var dockerfile = "FROM alpine\nENV PADDING=" + new string('p', 200) + "\n" + HostileInputs.ManyRuns(100_000)["FROM alpine\n".Length..];
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu.Start();
        var error = Assert.Throws<ConvertException>(() => Translation.Run(dockerfile));
        var elapsed = cpu.Elapsed();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        output.WriteLine($"{dockerfile.Length} bytes: {elapsed.TotalMilliseconds:F0} ms, {allocated >> 20} MiB allocated, failed at line {error.Range?.Start.Line}");
        Assert.StartsWith("the build definition is over BuildKit's message limit of 16 MiB", error.Message);
        Assert.InRange(error.Range!.Value.Start.Line, 1_000, 99_000);
        Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed.TotalMilliseconds:F0} ms");
    }

    /// <summary>Generated Dockerfiles whose RUNs stress what the floor counts: chains across stages, exec form, long and non-ASCII words, blanks around the line, heredocs, mounts.</summary>
    public static TheoryData<string, string> Generated() => new()
    {
        { "runs", HostileInputs.ManyRuns(2_000) },
        { "padded env", "FROM alpine\nENV PADDING=" + new string('p', 300) + "\n" + HostileInputs.ManyRuns(500)["FROM alpine\n".Length..] },
        { "scratch, exec form", "FROM scratch\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"RUN [\"/bin/true\", \"{i}\", \"\"]\n")) },
        { "chained stages", string.Concat(Enumerable.Range(0, 50).Select(i => (i == 0 ? "FROM busybox AS s0\n" : $"FROM s{i - 1} AS s{i}\n") + $"RUN echo {i}\nRUN echo {i}\n")) },
        { "blanks and unicode", "FROM alpine\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"  RUN   echo ünïcödé-{i} {new string('x', i)}   \t \n")) },
        { "heredocs and mounts", "FROM alpine\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"RUN --mount=type=cache,target=/c{i} <<EOF\necho {i}\nEOF\nRUN <<EOF\n#!/bin/sh\necho {i}\nEOF\n")) },
        { "continuations", "FROM alpine\nENV A=1 B=2\n" + string.Concat(Enumerable.Range(0, 300).Select(i => $"RUN echo {i} \\\n  && echo $A$B \\\n  && true\n")) },
    };

    /// <summary>The floor never exceeds the real size: with the limit at a definition's marshalled size, it is accepted (with and without a source map).</summary>
    [Theory]
    [MemberData(nameof(Generated))]
    public void TheFloorIsALowerBound(string name, string dockerfile)
    {
        foreach (var options in new[] { Translation.Options, WithSourceMap(dockerfile) })
        {
            var size = Translation.Run(dockerfile, options).Definition.Length;
            var atLimit = Translation.Run(dockerfile, options with { MaxDefinitionBytes = size });
            Assert.True(atLimit.Definition.Length == size, name);
            var error = Assert.Throws<ConvertException>(() => Translation.Run(dockerfile, options with { MaxDefinitionBytes = size - 1 }));
            Assert.StartsWith("the build definition is", error.Message);
        }
    }

    /// <summary>The floor counts most of what a RUN's op costs (digests, framing, descriptions), so a definition is refused early.</summary>
    [Fact]
    public void TheFloorCountsMostOfARunsBytes()
    {
        var dockerfile = HostileInputs.ManyRuns(2_000);
        foreach (var options in new[] { Translation.Options, WithSourceMap(dockerfile) })
        {
            var size = Translation.Run(dockerfile, options).Definition.Length;
            var limit = size * 92 / 100;
            var error = Assert.Throws<ConvertException>(() => Translation.Run(dockerfile, options with { MaxDefinitionBytes = limit }));
            output.WriteLine($"{size} bytes; limit {limit}: {error.Message} (line {error.Range?.Start.Line})");
            Assert.StartsWith($"the build definition is over BuildKit's message limit of {limit} bytes: the RUN instructions up to here", error.Message);
        }
    }

    private static ConvertOptions WithSourceMap(string dockerfile) =>
        Translation.Options with { SourceMap = new SourceMapSpec("Dockerfile", Encoding.UTF8.GetBytes(dockerfile)) };

    [Fact]
    public void ADefinitionUnderTheLimitIsNotRefused()
    {
        var run = Translation.Run(HostileInputs.ManyRuns(10_000));
        Assert.True(run.Definition.Length < 16 << 20);
    }
}
