using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Subrequests;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Tests.Subrequests;

/// <summary>
/// The subrequest results beyond the one Dockerfile of <see cref="SubrequestResultTests"/>: <c>result.txt</c> as
/// <c>buildctl build --opt requestid=...</c> printed it on buildkitd v0.24.0 (builtin frontend), <c>result.json</c> as
/// v0.24.0's structs marshal with <c>json.MarshalIndent(v, "", "  ")</c> (subrequests/types.go: every field of
/// <c>Request</c> and <c>Named</c> written, nil slices as <c>null</c>; subrequests/targets and outline: empty fields
/// omitted, <c>targets</c> always written), and the printers of subrequests/outline (<c>PrintOutline</c>) for an
/// outline no Dockerfile gives (a target without a name but with a description).
/// </summary>
public sealed class SubrequestPrinterTests
{
    private static string Base64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static TargetList Targets(string dockerfile) => TargetList.From(dockerfile, Encoding.UTF8.GetBytes(dockerfile));

    private static string Location(int start, int end, string indent) =>
        $"{indent}\"location\": {{\n{indent}  \"ranges\": [\n{indent}    {{\n{indent}      \"start\": {{\n{indent}        \"line\": {start}\n{indent}      }},\n" +
        $"{indent}      \"end\": {{\n{indent}        \"line\": {end}\n{indent}      }}\n{indent}    }}\n{indent}  ]\n{indent}}}\n";

    // Comments name the stage they describe (the first word is its name), the second FROM spans two lines, the last
    // stage has no name and builds on the second.
    private const string ThreeStages =
        "# first one\nFROM scratch\n# named the Named one\nFROM --platform=linux/arm64 \\\n  scratch AS Named\n# last\nFROM named\n";

    [Fact]
    public void ThreeStagesAsText() =>
        Assert.Equal("TARGET    DESCRIPTION\n          \nnamed     the Named one\n(default) \n", Targets(ThreeStages).ToText());

    [Fact]
    public void ThreeStagesAsJson() =>
        Assert.Equal(
            "{\n  \"targets\": [\n    {\n      \"base\": \"scratch\",\n" + Location(2, 2, "      ") + "    },\n" +
            "    {\n      \"name\": \"named\",\n      \"description\": \"the Named one\",\n      \"base\": \"scratch\",\n      \"platform\": \"linux/arm64\",\n" +
            Location(4, 5, "      ") + "    },\n" +
            "    {\n      \"default\": true,\n      \"base\": \"named\",\n" + Location(7, 7, "      ") + "    }\n  ],\n" +
            "  \"sources\": [\n    \"" + Base64(ThreeStages) + "\"\n  ]\n}",
            Targets(ThreeStages).ToJson());

    [Fact]
    public void NamedStagesPadToTheLongestName() =>
        Assert.Equal("TARGET      DESCRIPTION\na           \nb (default) \n", Targets("FROM scratch AS a\nFROM scratch AS b\n").ToText());

    [Fact]
    public void ADockerfileOfGlobalArgsOnlyHasNoTargets()
    {
        const string dockerfile = "ARG A=1\n";
        Assert.Equal("TARGET DESCRIPTION\n", Targets(dockerfile).ToText());
        Assert.Equal("{\n  \"targets\": null,\n  \"sources\": [\n    \"" + Base64(dockerfile) + "\"\n  ]\n}", Targets(dockerfile).ToJson());
    }

    [Theory]
    [InlineData("FROM scratch\nFROM\n", "dockerfile parse error on line 2: FROM requires either one or three arguments", 2)]
    [InlineData("FROM scratch\nFRM x\n", "dockerfile parse error on line 2: unknown instruction: FRM (did you mean FROM?)", 2)]
    public void ADockerfileThatDoesNotParseHasNoTargets(string dockerfile, string message, int line)
    {
        var error = Assert.Throws<ConvertException>(() => Targets(dockerfile));
        Assert.Equal(message, error.Message);
        Assert.Equal(line, error.Range?.StartLine);
    }

    [Fact]
    public void TheCompatibilityDialectParsesTheTargets()
    {
        // Flag errors name the flag without "--" in v0.11.6 (DialectTests), with it in v0.24.0.
        const string dockerfile = "FROM scratch\nRUN --mont=x echo\n";
        var v011 = Assert.Throws<ConvertException>(() => TargetList.From(dockerfile, Encoding.UTF8.GetBytes(dockerfile), BuildKitDialect.V0_11));
        Assert.EndsWith("unknown flag: mont (did you mean mount?)", v011.Message, StringComparison.Ordinal);
        var current = Assert.Throws<ConvertException>(() => Targets(dockerfile));
        Assert.EndsWith("unknown flag: --mont (did you mean mount?)", current.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnnamedTargetWithADescriptionIsTheDefault()
    {
        var outline = new DockerfileOutline("", "builds it", [], [], [], Encoding.UTF8.GetBytes("x"));
        Assert.Equal("TARGET:      (default)\nDESCRIPTION: builds it\n\n", outline.ToText());
        Assert.Equal("{\n  \"description\": \"builds it\",\n  \"sources\": [\n    \"eA==\"\n  ]\n}", outline.ToJson());
    }

    [Fact]
    public void EmptyValuesAndFalseFlagsAreLeftOutOfTheJson()
    {
        var outline = new DockerfileOutline(
            "t",
            "",
            [new OutlineArgument("A", "", "", 3, 4), new OutlineArgument("B", "", "about b", 5, 5)],
            [new OutlineSecret("s", false, 6, 6)],
            [new OutlineSecret("k", true, 7, 7)],
            ReadOnlyMemory<byte>.Empty);
        Assert.Equal(
            "{\n  \"name\": \"t\",\n  \"args\": [\n    {\n      \"name\": \"A\",\n" + Location(3, 4, "      ") + "    },\n" +
            "    {\n      \"name\": \"B\",\n      \"description\": \"about b\",\n" + Location(5, 5, "      ") + "    }\n  ],\n" +
            "  \"secrets\": [\n    {\n      \"name\": \"s\",\n" + Location(6, 6, "      ") + "    }\n  ],\n" +
            "  \"ssh\": [\n    {\n      \"name\": \"k\",\n      \"required\": true,\n" + Location(7, 7, "      ") + "    }\n  ],\n" +
            "  \"sources\": [\n    \"\"\n  ]\n}",
            outline.ToJson());
        Assert.Equal(
            "TARGET: t\n\nBUILD ARG   VALUE   DESCRIPTION\nA                   \nB                   about b\n\nSECRET   REQUIRED\ns        \n\nSSH   REQUIRED\nk     true\n\n",
            outline.ToText());
    }

    [Fact]
    public void DescribeJsonListsEveryFieldOfEachRequest() =>
        Assert.Equal(
            "[\n" +
            Request("frontend.outline", "List all parameters current build target supports", "[\n      {\n        \"name\": \"target\",\n        \"description\": \"Target build stage\"\n      }\n    ]") +
            ",\n" +
            Request("frontend.targets", "List all targets current build supports", "[]") +
            ",\n" +
            Request("frontend.subrequests.describe", "List available subrequest types", "null") +
            "\n]",
            SubrequestCatalog.DescribeJson());

    [Fact]
    public void TheCatalogIsWhatDescribeLists()
    {
        Assert.Equal(["frontend.outline", "frontend.targets", "frontend.subrequests.describe"], SubrequestCatalog.All.Select(r => r.Name));
        Assert.All(SubrequestCatalog.All, r => Assert.Equal(("1.0.0", "rpc"), (r.Version, r.Type)));
        Assert.Equal("1.0.0", SubrequestCatalog.Version);
        Assert.Equal([new SubrequestNamed("target", "Target build stage")], SubrequestCatalog.All[0].Opts!.Value.ToArray());
        Assert.Empty(SubrequestCatalog.All[1].Opts!.Value);
        Assert.Null(SubrequestCatalog.All[2].Opts);
    }

    private static string Request(string name, string description, string opts) =>
        "  {\n" +
        $"    \"name\": \"{name}\",\n    \"version\": \"1.0.0\",\n    \"type\": \"rpc\",\n    \"description\": \"{description}\",\n" +
        $"    \"opts\": {opts},\n    \"inputs\": null,\n" +
        "    \"metadata\": [\n      {\n        \"name\": \"result.json\",\n        \"description\": \"\"\n      },\n" +
        "      {\n        \"name\": \"result.txt\",\n        \"description\": \"\"\n      }\n    ],\n" +
        "    \"refs\": null\n  }";
}
