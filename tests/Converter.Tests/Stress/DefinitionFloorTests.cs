using CSharpFrontend.Converter.Dockerfile;
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

    [Fact]
    public void ADefinitionUnderTheLimitIsNotRefused()
    {
        var run = Translation.Run(HostileInputs.ManyRuns(10_000));
        Assert.True(run.Definition.Length < 16 << 20);
    }
}
