using System.Text.Json.Nodes;

namespace CSharpFrontend.Frontend.Tests;

/// <summary><c>csharp-frontend targets</c>: upstream's frontend.targets result (targets/targets.go: List, Target, PrintTargets).</summary>
public sealed class TargetsCommandTests
{
    private const string Dockerfile = "# base is the common base\nFROM alpine AS base\n# build compiles it\nFROM --platform=$BUILDPLATFORM base AS build\nFROM scratch\n";

    [Fact]
    public void TableMarksTheDefaultAndShowsDescriptions()
    {
        var result = CliProcess.Run(Dockerfile, "targets", "-");
        Assert.Equal(0, result.ExitCode);
        var lines = System.Text.Encoding.UTF8.GetString(result.Stdout).Split('\n');
        Assert.Equal("TARGET    DESCRIPTION", lines[0]);
        Assert.Equal("base      is the common base", lines[1]);
        Assert.Equal("build     compiles it", lines[2]);
        Assert.Equal("(default) ", lines[3]);
    }

    [Fact]
    public void JsonHasNameBasePlatformLocationAndTheSource()
    {
        var result = CliProcess.Run(Dockerfile, "targets", "--json", "-");
        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(result.Stdout)!;
        var build = json["targets"]![1]!;
        Assert.Equal("build", build["name"]!.GetValue<string>());
        Assert.Equal("base", build["base"]!.GetValue<string>());
        Assert.Equal("$BUILDPLATFORM", build["platform"]!.GetValue<string>());
        Assert.Equal(4, build["location"]!["ranges"]![0]!["start"]!["line"]!.GetValue<int>());
        Assert.Null(build["default"]);
        Assert.True(json["targets"]![2]!["default"]!.GetValue<bool>());
        Assert.Equal(Dockerfile, System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(json["sources"]![0]!.GetValue<string>())));
    }
}
