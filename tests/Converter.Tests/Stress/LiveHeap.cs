namespace CSharpFrontend.Converter.Tests.Stress;

/// <summary>
/// The peak of live managed memory while an action runs: a sampler thread forces a full collection every few
/// milliseconds (the action's thread is paused meanwhile) and keeps the largest heap left after it, so garbage not yet
/// collected is not counted. A sample can miss the last moments before the peak; the result is a lower estimate.
/// </summary>
internal static class LiveHeap
{
    /// <summary>Runs <paramref name="action"/> and returns its peak live bytes above the heap before it started.</summary>
    public static long Peak(Action action, int intervalMs = 5)
    {
        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var peak = 0L;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.Wait(intervalMs))
            {
                GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: false);
                peak = Math.Max(peak, GC.GetTotalMemory(forceFullCollection: false));
            }
        }) { IsBackground = true };
        sampler.Start();
        try
        {
            action();
        }
        finally
        {
            done.Set();
            sampler.Join();
        }

        return Math.Max(0, peak - baseline);
    }
}
