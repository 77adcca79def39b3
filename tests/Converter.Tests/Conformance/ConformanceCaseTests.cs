using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Conformance;

/// <summary>
/// Each case of both corpora on its own, converted with the corpus's profile (v0.24 by default, v0.11 for the
/// compatibility mode): an accepted case must give the reference's op digests, head, metadata per digest and image
/// config; a rejected case must be rejected with the reference's message.
/// </summary>
public sealed class ConformanceCaseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (corpus, name) in ReferenceCorpus.Cases())
        {
            data.Add(corpus, name);
        }

        return data;
    }

    [Fact]
    public void BothCorporaHaveCases()
    {
        Assert.True(ReferenceCorpus.V024.CaseNames().Count() >= 400, "the v0.24 corpus has fewer than 400 cases");
        Assert.True(ReferenceCorpus.V011.CaseNames().Count() >= 280, "the v0.11 corpus has fewer than 280 cases");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheReference(string corpus, string caseName)
    {
        var outcome = ConformanceRunner.Run(ConformanceCase.Load(ReferenceCorpus.Named(corpus), caseName));
        Assert.True(outcome.Passed, outcome.Detail);
    }
}
