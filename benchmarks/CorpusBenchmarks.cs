using BenchmarkDotNet.Attributes;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb.Marshal;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Benchmarks;

/// <summary>Parse: text → typed AST for every Dockerfile of the corpus (one operation = the whole corpus).</summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[CorpusSet(CorpusSet.All)]
public class ParseBenchmarks
{
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup() => _texts = [.. Corpus.Instance.Files.Select(f => f.Text)];

    /// <summary><c>DockerfileParser.Parse(text)</c>: node level and instructions, with diagnostics.</summary>
    [Benchmark]
    public int Parse()
    {
        int n = 0;
        foreach (var text in _texts)
        {
            n += DockerfileParser.Parse(text).Diagnostics.Length;
        }

        return n;
    }
}

/// <summary>Convert + marshal: text → <c>pb.Definition</c> bytes for every Dockerfile the converter accepts.</summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[CorpusSet(CorpusSet.Accepted)]
public class ConvertBenchmarks
{
    private string[] _texts = [];

    [GlobalSetup]
    public void Setup() => _texts = [.. Corpus.Instance.Accepted.Select(f => f.Text)];

    /// <summary>
    /// <c>DockerfileConverter.ConvertAsync(text, options)</c> (parse, dispatch, LLB marshal, image config) then
    /// <c>Definition.ToBytes()</c>.
    /// </summary>
    [Benchmark]
    public long ConvertAndMarshal()
    {
        long n = 0;
        foreach (var text in _texts)
        {
            n += Corpus.Run(DockerfileConverter.ConvertAsync(text, Corpus.ConvertOptions)).Definition.ToBytes().Length;
        }

        return n;
    }
}

/// <summary>
/// Marshal alone: the converted definitions (made once, in the set-up) written to bytes, for every accepted
/// Dockerfile.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(CorpusConfig))]
[CorpusSet(CorpusSet.Accepted)]
public class MarshalBenchmarks
{
    private MarshalResult[] _definitions = [];

    [GlobalSetup]
    public void Setup() =>
        _definitions = [.. Corpus.Instance.Accepted.Select(f => Corpus.Run(DockerfileConverter.ConvertAsync(f.Text, Corpus.ConvertOptions)).Definition)];

    /// <summary><c>MarshalResult.ToBytes()</c>: BuildKit's (Go) wire encoding of <c>pb.Definition</c>.</summary>
    [Benchmark]
    public long DefinitionToBytes()
    {
        long n = 0;
        foreach (var definition in _definitions)
        {
            n += definition.ToBytes().Length;
        }

        return n;
    }
}
