using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Parser.Tests;

/// <summary>The two reference corpora and the dialect each one's expected files were made with.</summary>
/// <param name="Name">Short name used in test case names (<c>v0.24</c>, <c>v0.11</c>).</param>
/// <param name="Dir">The corpus root (holding <c>cases/</c>).</param>
/// <param name="Dialect">The dialect whose output equals the corpus.</param>
internal sealed record Corpus(string Name, string Dir, BuildKitDialect Dialect)
{
    /// <summary>BuildKit v0.24.0 (<see cref="ReferenceCorpus.V024"/>).</summary>
    public static Corpus V024 { get; } = new("v0.24", ReferenceCorpus.V024.Dir, BuildKitDialect.Current);

    /// <summary>BuildKit v0.11.6 (<see cref="ReferenceCorpus.V011"/>).</summary>
    public static Corpus V011 { get; } = new("v0.11", ReferenceCorpus.V011.Dir, BuildKitDialect.V0_11);

    public static IReadOnlyList<Corpus> All { get; } = [V024, V011];

    public static Corpus Named(string name) => All.Single(c => c.Name == name);

    public string CasesDir => Path.Combine(Dir, "cases");

    public IEnumerable<string> CaseNames() =>
        Directory.EnumerateDirectories(CasesDir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    public string Expected(string name, string file) => Path.Combine(CasesDir, name, "expected", file);

    public ParseResult Parse(string name) =>
        DockerfileParser.Parse(File.ReadAllBytes(Path.Combine(CasesDir, name, "Dockerfile")), new ParseOptions { Dialect = Dialect });

    /// <summary>(corpus, case) pairs of every case of both corpora that has the expected file.</summary>
    public static TheoryData<string, string> CasesWith(string file)
    {
        var data = new TheoryData<string, string>();
        foreach (var corpus in All)
        {
            foreach (var name in corpus.CaseNames())
            {
                if (File.Exists(corpus.Expected(name, file)))
                {
                    data.Add(corpus.Name, name);
                }
            }
        }

        return data;
    }
}
