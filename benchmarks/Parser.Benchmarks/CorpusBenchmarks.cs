using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CSharpFrontend.Parser.Benchmarks;

/// <summary>Parses every Dockerfile of the shared conformance corpus (read once, in memory).</summary>
[MemoryDiagnoser]
[Config(typeof(ThroughputConfig))]
public class CorpusBenchmarks
{
    private byte[][] _files = [];
    private string[] _texts = [];

    /// <summary>Total corpus size in bytes (for MB/s).</summary>
    public static long CorpusBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        var dir = CorpusLocation.CasesDir();
        _files = Directory.GetDirectories(dir).Order(StringComparer.Ordinal)
            .Select(d => File.ReadAllBytes(Path.Combine(d, "Dockerfile"))).ToArray();
        _texts = _files.Select(f => System.Text.Encoding.UTF8.GetString(f)).ToArray();
        CorpusBytes = _files.Sum(f => (long)f.Length);
    }

    /// <summary>Bytes → typed AST (decode, lines, nodes, instructions).</summary>
    [Benchmark(Baseline = true)]
    public int Full()
    {
        int n = 0;
        foreach (var f in _files)
        {
            n += DockerfileParser.Parse(f).Diagnostics.Length;
        }

        return n;
    }

    /// <summary>Text → node level only.</summary>
    [Benchmark]
    public int SyntaxOnly()
    {
        int n = 0;
        var options = new ParseOptions { BuildInstructions = false };
        foreach (var t in _texts)
        {
            n += DockerfileParser.Parse(t, options).Diagnostics.Length;
        }

        return n;
    }

    /// <summary>Text → node level → conformance dump.</summary>
    [Benchmark]
    public int SyntaxAndDump()
    {
        int n = 0;
        var options = new ParseOptions { BuildInstructions = false };
        foreach (var t in _texts)
        {
            var r = DockerfileParser.Parse(t, options);
            n += r.Syntax is null ? 0 : AstDump.Render(r.Syntax).Length;
        }

        return n;
    }

    private sealed class ThroughputConfig : ManualConfig
    {
        public ThroughputConfig()
        {
            AddColumn(new MegabytesPerSecondColumn());
        }
    }

    private sealed class MegabytesPerSecondColumn : IColumn
    {
        public string Id => "MBps";

        public string ColumnName => "MB/s";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Corpus megabytes (10^6 bytes) parsed per second";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats)
            {
                return "-";
            }

            long bytes = CorpusLocation.CorpusBytes();
            return (bytes / 1e6 / (stats.Mean / 1e9)).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}

/// <summary>Where the corpus is: <c>CONFORMANCE_DIR</c>, else <c>../shared/conformance</c> beside the repository.</summary>
internal static class CorpusLocation
{
    public static string CasesDir()
    {
        var env = Environment.GetEnvironmentVariable("CONFORMANCE_DIR");
        if (!string.IsNullOrEmpty(env))
        {
            return Path.Combine(Path.GetFullPath(env), "cases");
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Frontend.sln")))
            {
                return Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "cases"));
            }
        }

        throw new DirectoryNotFoundException("conformance corpus not found; set CONFORMANCE_DIR");
    }

    public static long CorpusBytes() =>
        Directory.GetDirectories(CasesDir()).Sum(d => new FileInfo(Path.Combine(d, "Dockerfile")).Length);
}

/// <summary>
/// Entry point: <c>dotnet run -c Release -- [BenchmarkDotNet args]</c>, or <c>--quick [seconds]</c> for a plain
/// loop over the corpus that reports CPU-time throughput and allocations per file (steadier on a busy machine).
/// </summary>
public static class Program
{
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--quick")
        {
            QuickParse(args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 5);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }

    private static void QuickParse(double seconds)
    {
        var files = Directory.GetDirectories(CorpusLocation.CasesDir()).Order(StringComparer.Ordinal)
            .Select(d => File.ReadAllBytes(Path.Combine(d, "Dockerfile"))).ToArray();
        long bytes = files.Sum(f => (long)f.Length);
        void Pass()
        {
            foreach (var f in files)
            {
                DockerfileParser.Parse(f);
            }
        }

        // Warm up long enough for tiered JIT to finish optimizing (its background work would count as CPU time).
        var warm = System.Diagnostics.Stopwatch.StartNew();
        while (warm.Elapsed.TotalSeconds < Math.Max(3, seconds / 2))
        {
            Pass();
        }

        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpu0 = process.TotalProcessorTime;
        var wall = System.Diagnostics.Stopwatch.StartNew();
        long alloc0 = GC.GetAllocatedBytesForCurrentThread();
        int passes = 0;
        while (wall.Elapsed.TotalSeconds < seconds)
        {
            Pass();
            passes++;
        }

        long alloc = GC.GetAllocatedBytesForCurrentThread() - alloc0;
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpu0).TotalSeconds;
        double w = wall.Elapsed.TotalSeconds;
        Console.WriteLine($"corpus {CorpusLocation.CasesDir()}: {files.Length} files, {bytes} B; {passes} passes");
        Console.WriteLine(System.FormattableString.Invariant(
            $"parse (bytes -> typed AST): {bytes * passes / 1e6 / w:F1} MB/s wall, {bytes * passes / 1e6 / cpu:F1} MB/s CPU, {alloc / (double)passes / files.Length / 1024:F1} KiB allocated per file"));
    }
}
