using CSharpFrontend.Tests.Shared;
using CSharpFrontend.Converter.Dockerfile;

namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>
/// What one parse → convert → marshal of a generated Dockerfile cost: this thread's CPU time (time other processes
/// take on a shared machine is not counted) and its allocation.
/// </summary>
internal sealed record Translation(TimeSpan Elapsed, long AllocatedBytes, byte[] Definition, ConvertResult Result)
{
    public static ConvertOptions Options { get; } = new() { LocalUniqueId = "stress" };

    /// <summary>Translates on this thread (the offline resolver completes synchronously) and measures it.</summary>
    public static Translation Run(string dockerfile, ConvertOptions? options = null)
    {
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpu = ThreadCpu.Start();
        var result = DockerfileConverter.ConvertAsync(dockerfile, options ?? Options).AsTask().GetAwaiter().GetResult();
        var bytes = result.Definition.ToBytes();
        var elapsed = cpu.Elapsed();
        return new Translation(elapsed, GC.GetAllocatedBytesForCurrentThread() - allocatedBefore, bytes, result);
    }

    /// <summary>The faster of two runs, so that one descheduling on a shared machine does not decide a bound.</summary>
    public static Translation Best(string dockerfile, ConvertOptions? options = null)
    {
        var first = Run(dockerfile, options);
        var second = Run(dockerfile, options);
        return first.Elapsed <= second.Elapsed ? first : second;
    }
}
