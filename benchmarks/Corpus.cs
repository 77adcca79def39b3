using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Benchmarks;

/// <summary>
/// The shared conformance corpus, read in place: <c>$CONFORMANCE_DIR/cases/*/Dockerfile</c>, by default
/// <c>../shared/conformance</c> beside the repository. Loaded both in the BenchmarkDotNet host (for the
/// throughput columns) and in each benchmark process.
/// </summary>
internal sealed class Corpus
{
    private static readonly Lazy<Corpus> Shared = new(Load);

    private Corpus(string casesDir, IReadOnlyList<CorpusFile> files)
    {
        CasesDir = casesDir;
        Files = files;
    }

    /// <summary>The corpus, loaded once per process.</summary>
    public static Corpus Instance => Shared.Value;

    /// <summary>The options the conformance references were made with (see the corpus README).</summary>
    public static ConvertOptions ConvertOptions { get; } = new()
    {
        TargetPlatform = LlbPlatform.LinuxAmd64,
        BuildPlatforms = [LlbPlatform.LinuxAmd64],
        LocalUniqueId = "conformance",
        LlbCaps = LlbCaps.All,
    };

    public string CasesDir { get; }

    /// <summary>Every case's Dockerfile, in ordinal order of the case name.</summary>
    public IReadOnlyList<CorpusFile> Files { get; }

    /// <summary>The Dockerfiles that <see cref="DockerfileConverter"/> accepts with <see cref="ConvertOptions"/>.</summary>
    public IReadOnlyList<CorpusFile> Accepted => _accepted ??= [.. Files.Where(f => TryConvert(f.Text) is not null)];

    private IReadOnlyList<CorpusFile>? _accepted;

    public static long Bytes(IReadOnlyList<CorpusFile> files) => files.Sum(f => (long)f.Utf8Length);

    /// <summary>Converts and marshals; null when the converter rejects the file.</summary>
    public static byte[]? TryConvert(string text)
    {
        try
        {
            return Run(DockerfileConverter.ConvertAsync(text, ConvertOptions)).Definition.ToBytes();
        }
        catch (ConvertException)
        {
            return null;
        }
    }

    /// <summary>The result of a conversion, synchronously (the offline resolver completes synchronously).</summary>
    public static T Run<T>(ValueTask<T> task) => task.IsCompletedSuccessfully ? task.Result : task.AsTask().GetAwaiter().GetResult();

    private static Corpus Load()
    {
        var dir = LocateCasesDir();
        var files = Directory.GetDirectories(dir)
            .Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "Dockerfile"))
            .Where(File.Exists)
            .Select(p =>
            {
                var bytes = File.ReadAllBytes(p);
                return new CorpusFile(Path.GetFileName(Path.GetDirectoryName(p)!), bytes.Length, DecodeLikeTheCli(bytes));
            })
            .ToArray();
        if (files.Length == 0)
        {
            throw new DirectoryNotFoundException($"no */Dockerfile under {dir}; set CONFORMANCE_DIR");
        }

        return new Corpus(dir, files);
    }

    /// <summary>UTF-8 text decoded as the CLI does (a byte-order mark stays in the text: the parser handles it).</summary>
    private static string DecodeLikeTheCli(byte[] bytes) => new System.Text.UTF8Encoding(false).GetString(bytes);

    private static string LocateCasesDir()
    {
        var env = Environment.GetEnvironmentVariable("CONFORMANCE_DIR");
        if (!string.IsNullOrEmpty(env))
        {
            return Path.Combine(Path.GetFullPath(env), "cases");
        }

        // BenchmarkDotNet runs the benchmarks from a generated project under bin/: walk up to the repository.
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var d = new DirectoryInfo(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Frontend.sln")))
                {
                    return Path.GetFullPath(Path.Combine(d.FullName, "..", "shared", "conformance", "cases"));
                }
            }
        }

        throw new DirectoryNotFoundException("conformance corpus not found; set CONFORMANCE_DIR");
    }
}

/// <summary>One Dockerfile: case name, size in bytes on disk, text.</summary>
internal sealed record CorpusFile(string Case, int Utf8Length, string Text);
