using System.Diagnostics;

namespace CSharpFrontend.Tests.Shared;

/// <summary>
/// CPU time of the current thread (Linux <c>/proc/thread-self/schedstat</c>), so that a loaded machine does not
/// fail the time bound; wall-clock time elsewhere.
/// </summary>
internal readonly struct ThreadCpu
{
    private const string SchedStat = "/proc/thread-self/schedstat";
    private readonly long _startNs;
    private readonly Stopwatch? _wall;

    private ThreadCpu(long startNs, Stopwatch? wall)
    {
        _startNs = startNs;
        _wall = wall;
    }

    public string Kind => _wall is null ? "thread CPU" : "wall clock";

    public static ThreadCpu Start() =>
        ReadNs() is { } ns ? new ThreadCpu(ns, null) : new ThreadCpu(0, Stopwatch.StartNew());

    public TimeSpan Elapsed() =>
        _wall?.Elapsed ?? TimeSpan.FromTicks(((ReadNs() ?? _startNs) - _startNs) / 100);

    private static long? ReadNs()
    {
        try
        {
            var text = File.ReadAllText(SchedStat);
            var first = text.Split(' ')[0];
            return long.TryParse(first, out var ns) ? ns : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
