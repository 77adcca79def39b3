using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace CSharpFrontend.Benchmarks;

/// <summary>Which corpus files one operation of a benchmark class processes.</summary>
public enum CorpusSet
{
    /// <summary>Every Dockerfile.</summary>
    All,

    /// <summary>The Dockerfiles the converter accepts.</summary>
    Accepted,
}

/// <summary>Marks a benchmark class with the corpus files one of its operations processes.</summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class CorpusSetAttribute(CorpusSet set) : Attribute
{
    public CorpusSet Set { get; } = set;
}

/// <summary>
/// A short job (3 warm-up, 10 measured iterations: a few minutes in all) and throughput columns computed from
/// the mean (and the fastest) time of one operation (= one pass over the files). The job runs in process: no generated project
/// to build (the build is scripts/bench.sh's, into its own artifacts folder, so the shared bin/obj folders of
/// src/ are not touched).
/// </summary>
public sealed class CorpusConfig : ManualConfig
{
    public CorpusConfig()
    {
        AddJob(Job.Default.WithWarmupCount(3).WithIterationCount(10).WithToolchain(InProcessEmitToolchain.Instance).WithId("Short"));
        // On a busy machine the fastest iteration is the one least disturbed by other processes: show it too.
        AddColumn(StatisticColumn.Median, StatisticColumn.Min);
        AddColumn(
            new ThroughputColumn("Files", "Dockerfiles per operation", (files, _) => files.Count.ToString(CultureInfo.InvariantCulture)),
            new ThroughputColumn("MB/s", "Dockerfile megabytes (10^6 bytes, UTF-8 as on disk) per second", (files, ns) =>
                (Corpus.Bytes(files) / 1e6 / (ns / 1e9)).ToString("F1", CultureInfo.InvariantCulture)),
            new ThroughputColumn("files/s", "Dockerfiles per second", (files, ns) =>
                (files.Count / (ns / 1e9)).ToString("F0", CultureInfo.InvariantCulture)),
            new ThroughputColumn("MB/s@Min", "MB/s of the fastest iteration", (files, ns) =>
                (Corpus.Bytes(files) / 1e6 / (ns / 1e9)).ToString("F1", CultureInfo.InvariantCulture), useMin: true),
            new ThroughputColumn("files/s@Min", "files/s of the fastest iteration", (files, ns) =>
                (files.Count / (ns / 1e9)).ToString("F0", CultureInfo.InvariantCulture), useMin: true),
            new ThroughputColumn("µs/file", "mean time per Dockerfile", (files, ns) =>
                (ns / 1e3 / files.Count).ToString("F1", CultureInfo.InvariantCulture)),
            new AllocatedPerFileColumn());
    }

    internal static IReadOnlyList<CorpusFile> FilesOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Type.GetCustomAttribute<CorpusSetAttribute>()?.Set == CorpusSet.Accepted
            ? Corpus.Instance.Accepted
            : Corpus.Instance.Files;

    private sealed class ThroughputColumn(string name, string legend, Func<IReadOnlyList<CorpusFile>, double, string> value, bool useMin = false) : IColumn
    {
        public string Id => "Corpus." + name;

        public string ColumnName => name;

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => legend;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics is { } stats ? value(FilesOf(benchmarkCase), useMin ? stats.Min : stats.Mean) : "-";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }

    private sealed class AllocatedPerFileColumn : IColumn
    {
        public string Id => "Corpus.AllocatedPerFile";

        public string ColumnName => "Alloc/file";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 1;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Size;

        public string Legend => "managed bytes allocated per Dockerfile (Allocated / Files)";

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            if (summary[benchmarkCase]?.GcStats is not { } gc || gc.GetBytesAllocatedPerOperation(benchmarkCase) is not long bytes)
            {
                return "-";
            }

            double perFile = (double)bytes / FilesOf(benchmarkCase).Count;
            return perFile >= 1024
                ? (perFile / 1024).ToString("F1", CultureInfo.InvariantCulture) + " KB"
                : perFile.ToString("F0", CultureInfo.InvariantCulture) + " B";
        }

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    }
}
