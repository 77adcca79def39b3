using System.Text.Json.Nodes;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Converter.Tests.Image;

/// <summary>Every reference <c>image.json</c> read into the records and written back.</summary>
public sealed class ImageConfigRoundTripTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (corpus, name) in ReferenceCorpus.Cases("image.json"))
        {
            data.Add(corpus, name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void RoundTripsAsJson(string corpus, string caseName)
    {
        var text = File.ReadAllText(ImagePath(corpus, caseName));
        var image = ImageConfigReader.Parse(text, ImagePath(corpus, caseName));

        var written = ImageConfigWriter.ToJson(image, Layout(corpus));

        Assert.True(
            JsonNode.DeepEquals(JsonNode.Parse(text), JsonNode.Parse(written)),
            $"written JSON differs from the reference:\n{written}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void IndentedOutputIsByteEqualToReference(string corpus, string caseName)
    {
        var text = File.ReadAllText(ImagePath(corpus, caseName));
        var image = ImageConfigReader.Parse(text, ImagePath(corpus, caseName));

        Assert.Equal(text, ImageConfigWriter.ToIndentedJson(image, Layout(corpus)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ReadingTheWrittenJsonGivesEqualRecords(string corpus, string caseName)
    {
        var image = ImageConfigReader.Parse(File.ReadAllText(ImagePath(corpus, caseName)));

        Assert.Equal(image, ImageConfigReader.Parse(ImageConfigWriter.ToJson(image, Layout(corpus))));
        Assert.Equal(image.GetHashCode(), ImageConfigReader.Parse(ImageConfigWriter.ToJson(image, Layout(corpus))).GetHashCode());
    }

    [Fact]
    public void CorporaHaveImageConfigs() => Assert.True(Cases().Count >= 600);

    private static string ImagePath(string corpus, string caseName) => ReferenceCorpus.Named(corpus).Expected(caseName, "image.json");

    private static ImageConfigLayout Layout(string corpus) => corpus == "v0.11" ? ImageConfigLayout.BuildKitV011 : ImageConfigLayout.DockerOci;
}
