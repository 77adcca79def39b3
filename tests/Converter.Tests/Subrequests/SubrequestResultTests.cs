using System.Text;
using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Dockerfile.Subrequests;

namespace CSharpFrontend.Converter.Tests.Subrequests;

/// <summary>
/// The <c>frontend.targets</c> and <c>frontend.outline</c> results of one Dockerfile, and <c>frontend.subrequests.describe</c>: <c>result.txt</c> as
/// <c>buildctl build --opt requestid=...</c> printed it on buildkitd v0.24.0 (builtin frontend), <c>result.json</c> as
/// upstream's <c>json.MarshalIndent(..., "", "  ")</c> writes its structs (subrequests/targets, subrequests/outline:
/// empty fields omitted, <c>targets</c> always written, locations as <c>pb.Location</c>); a named stage with only an
/// SSH socket, and a Dockerfile with nothing to outline, as buildctl printed them too.
/// </summary>
public sealed class SubrequestResultTests
{
    private const string Dockerfile =
        "# syntax-free targets test\nARG BASE=scratch\n# build compiles the app\nFROM --platform=$BUILDPLATFORM $BASE AS build\n" +
        "# VERSION the version\nARG VERSION=1\nRUN --mount=type=secret,id=tok,required --mount=type=ssh,id=git true\n\n" +
        "FROM scratch\nCOPY --from=build /a /a\n";

    private static readonly string Sources = "  \"sources\": [\n    \"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(Dockerfile)) + "\"\n  ]\n}";

    private static string Location(int line, string indent) =>
        $"{indent}\"location\": {{\n{indent}  \"ranges\": [\n{indent}    {{\n{indent}      \"start\": {{\n{indent}        \"line\": {line}\n{indent}      }},\n" +
        $"{indent}      \"end\": {{\n{indent}        \"line\": {line}\n{indent}      }}\n{indent}    }}\n{indent}  ]\n{indent}}}\n";

    private static TargetList Targets() => TargetList.From(Dockerfile, Encoding.UTF8.GetBytes(Dockerfile));

    private static DockerfileOutline Outline() =>
        TestConversion.Convert(Dockerfile, TestConversion.Options with { Target = "build", MarshalDefinition = false }).Outline;

    [Fact]
    public void TargetsText() =>
        Assert.Equal("TARGET    DESCRIPTION\nbuild     compiles the app\n(default) \n", Targets().ToText());

    [Fact]
    public void TargetsJson() =>
        Assert.Equal(
            "{\n  \"targets\": [\n    {\n      \"name\": \"build\",\n      \"description\": \"compiles the app\",\n      \"base\": \"$BASE\",\n" +
            "      \"platform\": \"$BUILDPLATFORM\",\n" + Location(4, "      ") + "    },\n    {\n      \"default\": true,\n      \"base\": \"scratch\",\n" +
            Location(9, "      ") + "    }\n  ],\n" + Sources,
            Targets().ToJson());

    [Fact]
    public void OutlineText() =>
        Assert.Equal(
            "TARGET:      build\nDESCRIPTION: compiles the app\n\nBUILD ARG   VALUE     DESCRIPTION\nBASE        scratch   \nVERSION     1         the version\n\n" +
            "SECRET   REQUIRED\ntok      true\n\nSSH   REQUIRED\ngit   \n\n",
            Outline().ToText());

    [Fact]
    public void OutlineJson() =>
        Assert.Equal(
            "{\n  \"name\": \"build\",\n  \"description\": \"compiles the app\",\n  \"args\": [\n" +
            "    {\n      \"name\": \"BASE\",\n      \"value\": \"scratch\",\n" + Location(2, "      ") + "    },\n" +
            "    {\n      \"name\": \"VERSION\",\n      \"description\": \"the version\",\n      \"value\": \"1\",\n" + Location(6, "      ") + "    }\n  ],\n" +
            "  \"secrets\": [\n    {\n      \"name\": \"tok\",\n      \"required\": true,\n" + Location(7, "      ") + "    }\n  ],\n" +
            "  \"ssh\": [\n    {\n      \"name\": \"git\",\n" + Location(7, "      ") + "    }\n  ],\n" + Sources,
            Outline().ToJson());

    [Fact]
    public void DescribeText() =>
        Assert.Equal(
            "NAME                 VERSION DESCRIPTION\noutline              1.0.0   List all parameters current build target supports\n" +
            "targets              1.0.0   List all targets current build supports\nsubrequests.describe 1.0.0   List available subrequest types\n",
            SubrequestCatalog.DescribeText());

    [Fact]
    public void ANamedStageWithOnlyAnSshSocket()
    {
        const string dockerfile = "FROM scratch AS only\nRUN --mount=type=ssh,required true\n";
        Assert.Equal("TARGET         DESCRIPTION\nonly (default) \n", TargetList.From(dockerfile, Encoding.UTF8.GetBytes(dockerfile)).ToText());
        Assert.Equal(
            "TARGET: only\n\nSSH       REQUIRED\ndefault   true\n\n",
            TestConversion.Convert(dockerfile, TestConversion.Options with { MarshalDefinition = false }).Outline.ToText());
    }

    [Fact]
    public void NothingToOutline()
    {
        const string dockerfile = "FROM scratch\n";
        var outline = TestConversion.Convert(dockerfile, TestConversion.Options with { MarshalDefinition = false }).Outline;
        Assert.Equal("", outline.ToText());
        Assert.Equal("{\n  \"sources\": [\n    \"" + Convert.ToBase64String(Encoding.UTF8.GetBytes(dockerfile)) + "\"\n  ]\n}", outline.ToJson());
        Assert.Equal("TARGET    DESCRIPTION\n(default) \n", TargetList.From(dockerfile, Encoding.UTF8.GetBytes(dockerfile)).ToText());
    }
}
