using Xunit.Abstractions;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>Linearity checks: a problem of twice the size may cost about twice as much, not four times.</summary>
internal static class Scaling
{
    /// <summary>Allocation of 2N over N; a linear translation is near 2, a quadratic one near 4.</summary>
    public const double MaxAllocationRatio = 2.5;

    /// <summary>Time of 2N over N: a looser guard than allocation (the linearity check proper), since time on a shared
    /// machine is noisy and a larger heap costs more per collection.</summary>
    public const double MaxTimeRatio = 4.0;

    /// <summary>Times under this are too short to compare: the ratio is taken against at least this much.</summary>
    private const double TimeFloorMs = 50;

    /// <summary>Translates the sizes N and 2N (after a warm-up at N) and requires both ratios in bounds.</summary>
    public static (Translation Small, Translation Large) AssertLinear(Func<int, string> generate, int n, ITestOutputHelper output)
    {
        _ = Translation.Run(generate(n));
        var small = Translation.Best(generate(n));
        var large = Translation.Best(generate(2 * n));
        var allocationRatio = (double)large.AllocatedBytes / small.AllocatedBytes;
        var timeRatio = large.Elapsed.TotalMilliseconds / Math.Max(TimeFloorMs, small.Elapsed.TotalMilliseconds);
        output.WriteLine($"N={n}: {small.Elapsed.TotalMilliseconds:F0} ms, {small.AllocatedBytes / 1e6:F1} MB allocated, definition {small.Definition.Length} bytes");
        output.WriteLine($"2N={2 * n}: {large.Elapsed.TotalMilliseconds:F0} ms, {large.AllocatedBytes / 1e6:F1} MB allocated, definition {large.Definition.Length} bytes");
        output.WriteLine($"ratios: allocation {allocationRatio:F2}, time {timeRatio:F2}");
        Assert.True(allocationRatio < MaxAllocationRatio, $"allocation grew {allocationRatio:F2}x from N={n} to 2N");
        Assert.True(timeRatio < MaxTimeRatio, $"time grew {timeRatio:F2}x from N={n} to 2N");
        return (small, large);
    }
}
