using System.Text.Json.Nodes;

namespace CSharpFrontend.Frontend.Tests;

/// <summary>
/// <c>csharp-frontend outline</c>: upstream's frontend.outline (dockerfile2llb/outline.go: ARGs declared by the target's
/// stages or used in FROM lines, with dependencies of defaults; secrets and SSH ids from RUN mounts; sorted by line).
/// </summary>
public sealed class OutlineCommandTests
{
    private const string Dockerfile =
        "# VERSION the release to build\nARG VERSION=1.0\nARG UNUSED=x\nARG BASE=alpine\nFROM ${BASE} AS build\n" +
        "# GOFLAGS flags for go build\nARG GOFLAGS=-v\nARG VERSION\n" +
        "RUN --mount=type=secret,id=token,required=true --mount=type=ssh echo $GOFLAGS\nFROM build\n";

    [Fact]
    public void JsonListsUsedArgsSecretsAndSsh()
    {
        var result = CliProcess.Run(Dockerfile, "outline", "--json", "-");
        Assert.Equal(0, result.ExitCode);
        var json = JsonNode.Parse(result.Stdout)!;
        var args = json["args"]!.AsArray().Select(a => (a!["name"]!.GetValue<string>(), a["value"]?.GetValue<string>(), a["location"]!["ranges"]![0]!["start"]!["line"]!.GetValue<int>())).ToArray();
        Assert.Equal([("VERSION", "1.0", 2), ("BASE", "alpine", 4), ("GOFLAGS", "-v", 7)], args);
        Assert.Equal("the release to build", json["args"]![0]!["description"]!.GetValue<string>());
        Assert.Equal("token", json["secrets"]![0]!["name"]!.GetValue<string>());
        Assert.True(json["secrets"]![0]!["required"]!.GetValue<bool>());
        Assert.Equal("default", json["ssh"]![0]!["name"]!.GetValue<string>());
        Assert.Null(json["ssh"]![0]!["required"]);
        Assert.Null(json["name"]);
    }

    [Fact]
    public void BuildArgsGiveTheValueAndTablesArePrinted()
    {
        var result = CliProcess.Run(Dockerfile, "outline", "--build-arg", "GOFLAGS=-race", "--target", "build", "-");
        Assert.Equal(0, result.ExitCode);
        var text = System.Text.Encoding.UTF8.GetString(result.Stdout);
        Assert.StartsWith("TARGET: build\n\nBUILD ARG   VALUE    DESCRIPTION\n", text);
        Assert.Contains("GOFLAGS     -race    flags for go build\n", text);
        Assert.Contains("SECRET   REQUIRED\ntoken    true\n", text);
    }
}
