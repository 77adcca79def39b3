using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Conformance;

/// <summary>
/// The definition floor (the size a definition certainly reaches, counted while RUNs are dispatched) is a lower bound:
/// with the limit set to the size of BuildKit's own <c>def.pb</c> for the case, no corpus case is refused.
/// </summary>
public sealed class DefinitionFloorCorpusTests
{
    public static TheoryData<string, string> Cases() => DefinitionBytesTests.Cases();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ALimitOfTheReferenceSizeIsNotRefused(string corpusName, string name)
    {
        var corpus = ReferenceCorpus.Named(corpusName);
        var testCase = ConformanceCase.Load(corpus, name);
        var size = new FileInfo(corpus.Expected(name, "def.pb")).Length;
        var result = await DockerfileConverter.ConvertAsync(testCase.Dockerfile, testCase.Options with { MaxDefinitionBytes = size });
        Assert.Equal(size, result.Definition.ToBytes().Length);
    }
}
