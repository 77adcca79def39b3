using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Image;

/// <summary>Every reference <c>image.json</c> read into the records and written back.</summary>
public sealed class ImageConfigRoundTripTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var name in TestPaths.CaseNames().Where(n => File.Exists(ImagePath(n))))
        {
            data.Add(name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RoundTripsAsJson(string caseName)
    {
        var text = File.ReadAllText(ImagePath(caseName));
        var image = ImageConfigReader.Parse(text, ImagePath(caseName));

        var written = ImageConfigWriter.ToJson(image);

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(written)),
            $"written JSON differs from the reference:\n{written}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IndentedOutputIsByteEqualToReference(string caseName)
    {
        var text = File.ReadAllText(ImagePath(caseName));
        var image = ImageConfigReader.Parse(text, ImagePath(caseName));

        Assert.Equal(text, ImageConfigWriter.ToIndentedJson(image));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadingTheWrittenJsonGivesEqualRecords(string caseName)
    {
        var image = ImageConfigReader.Parse(File.ReadAllText(ImagePath(caseName)));

        Assert.Equal(image, ImageConfigReader.Parse(ImageConfigWriter.ToJson(image)));
        Assert.Equal(image.GetHashCode(), ImageConfigReader.Parse(ImageConfigWriter.ToJson(image)).GetHashCode());
    }

    [Fact]
    public void CorpusHasImageConfigs() => Assert.True(Cases().Count >= 250);

    private static string ImagePath(string caseName) => Path.Combine(TestPaths.CasesDir, caseName, "expected", "image.json");
}
