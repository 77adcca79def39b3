using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>
/// Linearity checks: a problem of twice the size may allocate about twice as much, not four times. Allocation is the
/// measure: it is exact and repeatable. Time is printed but not bounded: on a shared 2-core machine a bound loose
/// enough never to fail by noise (it had reached 4.0 with a 50 ms floor) cannot tell linear (2x) from quadratic (4x),
/// so it asserted nothing; speed is measured in the benchmarks instead (BENCHMARKS.md).
/// </summary>
internal static class Scaling
{
    /// <summary>Allocation of 2N over N; a linear translation is near 2, a quadratic one near 4.</summary>
    public const double MaxAllocationRatio = 2.5;

    /// <summary>Translates the sizes N and 2N (after a warm-up at N) and requires the allocation ratio in bounds.</summary>
    public static (Translation Small, Translation Large) AssertLinear(Func<int, string> generate, int n, ITestOutputHelper output)
    {
        _ = Translation.Run(generate(n));
        var small = Translation.Best(generate(n));
        var large = Translation.Best(generate(2 * n));
        var allocationRatio = (double)large.AllocatedBytes / small.AllocatedBytes;
        output.WriteLine($"N={n}: {small.Elapsed.TotalMilliseconds:F0} ms, {small.AllocatedBytes / 1e6:F1} MB allocated, definition {small.Definition.Length} bytes");
        output.WriteLine($"2N={2 * n}: {large.Elapsed.TotalMilliseconds:F0} ms, {large.AllocatedBytes / 1e6:F1} MB allocated, definition {large.Definition.Length} bytes");
        output.WriteLine($"ratios: allocation {allocationRatio:F2}, time {large.Elapsed / small.Elapsed:F2} (not bounded)");
        Assert.True(allocationRatio < MaxAllocationRatio, $"allocation grew {allocationRatio:F2}x from N={n} to 2N");
        return (small, large);
    }
}
