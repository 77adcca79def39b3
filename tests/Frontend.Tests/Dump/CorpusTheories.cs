using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>Theory data over both reference corpora.</summary>
internal static class CorpusTheories
{
    /// <summary>(corpus name, case name) of every case of both corpora whose <c>expected/</c> holds <paramref name="file"/>.</summary>
    public static TheoryData<string, string> CasesWith(string file)
    {
        var cases = new TheoryData<string, string>();
        foreach (var (corpus, name) in ReferenceCorpus.Cases(file))
        {
            cases.Add(corpus, name);
        }

        return cases;
    }
}
