namespace CSharpFrontend.Tests.Shared;

/// <summary>
/// One of the two reference corpora read in place: BuildKit v0.24.0 (<c>CONFORMANCE_DIR</c>, default
/// <c>../shared/conformance-v0.24</c>), the default behaviour, and BuildKit v0.11.6 (<c>CONFORMANCE_V011_DIR</c>, default
/// <c>../shared/conformance</c>), the compatibility mode.
/// </summary>
/// <param name="Name">The profile name the corpus is the reference of: <c>v0.24</c> or <c>v0.11</c>.</param>
/// <param name="Dir">The corpus root (holding <c>cases/</c>).</param>
internal sealed record ReferenceCorpus(string Name, string Dir)
{
    public static ReferenceCorpus V024 { get; } = new("v0.24", TestPaths.ConformanceDir);

    public static ReferenceCorpus V011 { get; } = new("v0.11", TestPaths.ConformanceV011Dir);

    public static IReadOnlyList<ReferenceCorpus> All { get; } = [V024, V011];

    public static ReferenceCorpus Named(string name) => All.Single(c => c.Name == name);

    public string CasesDir => Path.Combine(Dir, "cases");

    public string CaseDir(string name) => Path.Combine(CasesDir, name);

    public string Expected(string name, string file) => Path.Combine(CasesDir, name, "expected", file);

    public IEnumerable<string> CaseNames() =>
        Directory.EnumerateDirectories(CasesDir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    /// <summary>(corpus, case) of every case of both corpora whose <c>expected/</c> holds <paramref name="file"/> (any case when null).</summary>
    public static IEnumerable<(string Corpus, string Case)> Cases(string? file = null) =>
        All.SelectMany(corpus => corpus.CaseNames()
            .Where(name => file is null || File.Exists(corpus.Expected(name, file)))
            .Select(name => (corpus.Name, name)));
}
