using System.Diagnostics;
using System.Globalization;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb.Marshal;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Benchmarks;

/// <summary>
/// <c>--quick [seconds]</c>: a plain loop over the same three workloads, without BenchmarkDotNet, that reports
/// both the wall time and the process CPU time per pass (the CPU time is the steadier number on a busy machine),
/// the managed allocations per pass, and the first-chance exceptions thrown per pass.
/// </summary>
internal static class QuickRun
{
    public static void Run(double seconds)
    {
        var corpus = Corpus.Instance;
        var all = corpus.Files.Select(f => f.Text).ToArray();
        var accepted = corpus.Accepted.Select(f => f.Text).ToArray();
        var definitions = accepted.Select(t => Corpus.Run(DockerfileConverter.ConvertAsync(t, Corpus.ConvertOptions)).Definition).ToArray();
        long exceptions = 0;
        AppDomain.CurrentDomain.FirstChanceException += (_, _) => Interlocked.Increment(ref exceptions);

        Console.WriteLine($"corpus: {corpus.CasesDir}: {all.Length} files ({Corpus.Bytes(corpus.Files)} B), {accepted.Length} accepted ({Corpus.Bytes(corpus.Accepted)} B)");
        Console.WriteLine($"{"workload",-20} {"passes",6} {"wall ms",9} {"cpu ms",9} {"MB/s wall",10} {"MB/s cpu",9} {"files/s wall",13} {"files/s cpu",12} {"alloc/pass",12} {"exc/pass",9}");
        Measure("parse", all.Length, Corpus.Bytes(corpus.Files), seconds, ref exceptions, () =>
        {
            foreach (var t in all)
            {
                DockerfileParser.Parse(t);
            }
        });
        Measure("convert+marshal", accepted.Length, Corpus.Bytes(corpus.Accepted), seconds, ref exceptions, () =>
        {
            foreach (var t in accepted)
            {
                Corpus.Run(DockerfileConverter.ConvertAsync(t, Corpus.ConvertOptions)).Definition.ToBytes();
            }
        });
        Measure("marshal (ToBytes)", definitions.Length, Corpus.Bytes(corpus.Accepted), seconds, ref exceptions, () =>
        {
            foreach (MarshalResult d in definitions)
            {
                d.ToBytes();
            }
        });
    }

    /// <summary><c>--loop parse|convert|marshal seconds</c>: one workload in a loop, to attach a profiler to.</summary>
    public static void Loop(string workload, double seconds)
    {
        var corpus = Corpus.Instance;
        var all = corpus.Files.Select(f => f.Text).ToArray();
        var accepted = corpus.Accepted.Select(f => f.Text).ToArray();
        var definitions = accepted.Select(t => Corpus.Run(DockerfileConverter.ConvertAsync(t, Corpus.ConvertOptions)).Definition).ToArray();
        Action pass = workload switch
        {
            "parse" => () => Array.ForEach(all, t => DockerfileParser.Parse(t)),
            "convert" => () => Array.ForEach(accepted, t => Corpus.Run(DockerfileConverter.ConvertAsync(t, Corpus.ConvertOptions)).Definition.ToBytes()),
            "marshal" => () => Array.ForEach(definitions, d => d.ToBytes()),
            _ => throw new ArgumentException($"unknown workload {workload}: parse, convert or marshal"),
        };
        int passes = 0;
        var sw = Stopwatch.StartNew();
        while (sw.Elapsed.TotalSeconds < seconds)
        {
            pass();
            passes++;
        }

        Console.WriteLine($"{workload}: {passes} passes in {sw.Elapsed.TotalSeconds:F1} s");
    }

    private static void Measure(string name, int files, long bytes, double seconds, ref long exceptions, Action pass)
    {
        for (int i = 0; i < 3; i++)
        {
            pass();
        }

        var walls = new List<double>();
        var cpus = new List<double>();
        long allocated = 0;
        long exceptionsBefore = Interlocked.Read(ref exceptions);
        var process = Process.GetCurrentProcess();
        var total = Stopwatch.StartNew();
        while (total.Elapsed.TotalSeconds < seconds || walls.Count < 5)
        {
            process.Refresh();
            var cpu0 = process.TotalProcessorTime;
            long alloc0 = GC.GetAllocatedBytesForCurrentThread();
            var sw = Stopwatch.StartNew();
            pass();
            sw.Stop();
            allocated += GC.GetAllocatedBytesForCurrentThread() - alloc0;
            process.Refresh();
            walls.Add(sw.Elapsed.TotalMilliseconds);
            cpus.Add((process.TotalProcessorTime - cpu0).TotalMilliseconds);
        }

        double wall = Median(walls);
        double cpu = Median(cpus);
        long exc = (Interlocked.Read(ref exceptions) - exceptionsBefore) / walls.Count;
        var inv = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(inv,
            $"{name,-20} {walls.Count,6} {wall,9:F2} {cpu,9:F2} {bytes / 1e3 / wall,10:F1} {bytes / 1e3 / cpu,9:F1} {files * 1e3 / wall,13:F0} {files * 1e3 / cpu,12:F0} {allocated / walls.Count / 1048576.0,9:F2} MiB {exc,9}"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
