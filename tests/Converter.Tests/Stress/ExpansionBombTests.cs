using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Tests.Shared;
using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>
/// Issue 14 item 4: expansions whose result grows exponentially or quadratically in the input fail, located, as soon
/// as they overdraw the Dockerfile's expansion budget, in bounded time and memory.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class ExpansionBombTests(ITestOutputHelper output)
{
    /// <summary>Allocation allowed: 20 bytes per input byte plus 20 MiB (the bound for peak memory).</summary>
    private static long Bound(string dockerfile) => 20L * dockerfile.Length + (20L << 20);

    [Theory]
    [InlineData(20)]
    [InlineData(30)]
    [InlineData(60)]
    public void DoublingArgsFailAtTheBudgetLocated(int levels)
    {
        var dockerfile = HostileInputs.ArgDoubling(levels);
        var (error, allocated, elapsed) = Fail(dockerfile);
        output.WriteLine($"{levels} levels ({dockerfile.Length} bytes): {elapsed.TotalMilliseconds:F0} ms, {allocated >> 20} MiB allocated");
        Assert.Contains("expansion result exceeds the limit of 262144 characters", error.Message);
        Assert.NotNull(error.Range);
        Assert.InRange(error.Range!.Value.Start.Line, 2, levels + 2);
        Assert.True(allocated < Bound(dockerfile), $"{allocated} bytes allocated");
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void ReplacingEveryCharacterOfALongValueFailsEarly()
    {
        var dockerfile = HostileInputs.ReplaceEveryCharacter(32_000);
        var (error, allocated, elapsed) = Fail(dockerfile);
        output.WriteLine($"{dockerfile.Length} bytes: {elapsed.TotalMilliseconds:F0} ms, {allocated >> 20} MiB allocated");
        Assert.Contains("expansion result exceeds the limit", error.Message);
        Assert.Equal(4, error.Range!.Value.Start.Line);
        Assert.True(allocated < Bound(dockerfile), $"{allocated} bytes allocated");
        Assert.True(elapsed < TimeSpan.FromSeconds(2), $"took {elapsed.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void ExpansionsWithinTheBudgetStillTranslate()
    {
        // Doubling from 16 characters: 12 levels produce 2 × 64 Ki characters in all, within the 256 Ki floor.
        var run = Translation.Run(HostileInputs.ArgDoubling(12));
        var config = CSharpFrontend.Converter.Image.ImageConfigWriter.ToIndentedJson(run.Result.Image);
        Assert.Contains("\"v=" + new string('x', 16 << 12) + "\"", config);
    }

    [Fact]
    public void LongBuildArgumentsRaiseTheBudget()
    {
        // 3 × 200,000 characters: over the 256 Ki floor, within 16 per character of the file and its arguments.
        var value = new string('v', 200_000);
        var options = Translation.Options with { BuildArgs = System.Collections.Immutable.ImmutableDictionary<string, string>.Empty.Add("BIG", value) };
        var run = Translation.Run("FROM scratch\nARG BIG\nENV A=$BIG B=$BIG C=$BIG\n", options);
        var config = CSharpFrontend.Converter.Image.ImageConfigWriter.ToIndentedJson(run.Result.Image);
        Assert.Contains("\"C=" + value + "\"", config);
    }

    private static (ConvertException Error, long Allocated, TimeSpan Elapsed) Fail(string dockerfile)
    {
        var before = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu.Start();
        var error = Assert.Throws<ConvertException>(() => Translation.Run(dockerfile));
        return (error, GC.GetAllocatedBytesForCurrentThread() - before, cpu.Elapsed());
    }
}
