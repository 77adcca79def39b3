using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests;

/// <summary>Source attrs hold JSON as Go's encoding/json writes it (escapes checked against Go's documented rules).</summary>
public sealed class GoJsonTests
{
    [Fact]
    public void EscapesHtmlCharactersAndKeepsSurrogatePairs() =>
        Assert.Equal("[\"a\\u003cb\\u003e\\u0026\",\"😀\",\"\\\"q\\\"\"]", GoJson.StringArray(["a<b>&", "😀", "\"q\""]));

    [Fact]
    public void NilIsNull() => Assert.Equal("null", GoJson.StringArray(null));

    [Fact]
    public void UnpairedSurrogateBecomesReplacementEscape() => Assert.Equal("\"\\ufffd\"", GoJson.String("\uD800"));
}
