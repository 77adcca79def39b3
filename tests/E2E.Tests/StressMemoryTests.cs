using System.Diagnostics;
using CSharpFrontend.Tests.Shared;
using Xunit.Abstractions;

namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// Issue 14's bound on the published binary: <c>translate</c> of each hostile input peaks at no more than 20 bytes of
/// memory per byte of the Dockerfile plus 20 MiB (peak resident set, <c>VmHWM</c>, binary included), and fails within
/// 10 seconds.
/// </summary>
public sealed class StressMemoryTests(ITestOutputHelper output)
{
    public static TheoryData<string> Inputs() => ["100,000 RUNs", "a COPY --from cycle through 100,000 stages", "30 levels of ARG doubling", "${a//?/$b} on 32,000 characters"];

    private static string Input(string name) => name switch
    {
        "100,000 RUNs" => HostileInputs.ManyRuns(100_000),
        "a COPY --from cycle through 100,000 stages" => HostileInputs.CopyFromCycle(100_000),
        "30 levels of ARG doubling" => HostileInputs.ArgDoubling(30),
        _ => HostileInputs.ReplaceEveryCharacter(32_000),
    };

    [NativeBinaryTheory]
    [MemberData(nameof(Inputs))]
    public void TranslateStaysWithinTwentyBytesPerInputByteAndTwentyMebibytes(string name)
    {
        var directory = Directory.CreateTempSubdirectory("stress-memory").FullName;
        try
        {
            var dockerfile = Path.Combine(directory, "Dockerfile");
            File.WriteAllText(dockerfile, Input(name));
            var size = new FileInfo(dockerfile).Length;
            var (exitCode, peakKb, elapsed) = Run(NativeBinaryFactAttribute.Path, "translate", dockerfile, "-o", Path.Combine(directory, "def.pb"));
            var boundKb = (20 * size + (20 << 20)) / 1024;
            output.WriteLine($"{name}: {size} bytes, peak {peakKb} KiB (bound {boundKb} KiB), {elapsed.TotalSeconds:F2} s, exit {exitCode}");
            Assert.Equal(1, exitCode);
            Assert.False(File.Exists(Path.Combine(directory, "def.pb")));
            Assert.True(peakKb <= boundKb, $"peak {peakKb} KiB over {boundKb} KiB");
            Assert.True(elapsed < TimeSpan.FromSeconds(10), $"took {elapsed.TotalSeconds:F1} s");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    /// <summary>Runs to the end, reading the high-water mark of its resident set (monotonic, so the last reading holds the peak).</summary>
    private static (int ExitCode, long PeakKb, TimeSpan Elapsed) Run(string binary, params string[] args)
    {
        var start = new ProcessStartInfo(binary, args) { RedirectStandardOutput = true, RedirectStandardError = true };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        long peak = 0;
        while (!process.HasExited && clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            peak = Math.Max(peak, HighWaterMarkKb(process.Id));
            Thread.Sleep(1);
        }

        process.WaitForExit();
        _ = stdout.Result;
        _ = stderr.Result;
        return (process.ExitCode, peak, clock.Elapsed);
    }

    private static long HighWaterMarkKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim());
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The process ended between the check and the read.
        }

        return 0;
    }
}
