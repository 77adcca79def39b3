using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Conformance;

/// <summary>
/// Each corpus case on its own: an accepted case must give the reference's op digests, head, metadata per digest
/// and image config; a rejected case must be rejected with the reference's message.
/// </summary>
public sealed class ConformanceCaseTests
{
    public static TheoryData<string> Cases() => [.. TestPaths.CaseNames()];

    [Theory]
    [MemberData(nameof(Cases))]
    public void MatchesTheReference(string caseName)
    {
        var outcome = ConformanceRunner.Run(ConformanceCase.Load(caseName));
        Assert.True(outcome.Passed, outcome.Detail);
    }
}
