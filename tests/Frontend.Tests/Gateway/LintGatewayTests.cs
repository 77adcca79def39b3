using System.Text;
using System.Text.Json;
using Moby.Buildkit.V1.Frontend;
using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// Build checks through the gateway: the <c>frontend.lint</c> subrequest (<c>docker build --check</c>), warnings
/// sent during a build, and <c>error=true</c>. Expected texts follow BuildKit v0.24.0's
/// frontend/subrequests/lint/lint.go (<c>ToResult</c>, <c>PrintTo</c>) and solver/errdefs/source.go (<c>Print</c>),
/// and the warnings its dockerfile2llb -lint reports for the same Dockerfiles.
/// </summary>
public sealed class LintGatewayTests
{
    private const string FromAs = "FROM scratch as build\nCOPY . .\n";

    [Fact]
    public async Task LintSubrequestReturnsResultJsonTextAndStatus()
    {
        var bridge = WithDockerfile(FromAs);
        var run = await RunAsync(bridge, [Opt("requestid", "frontend.lint")]);

        var result = Returned(run, bridge);
        Assert.Equal(["result.json", "result.statuscode", "result.txt", "version"], result.Metadata.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("1", result.Metadata["result.statuscode"].ToStringUtf8());
        Assert.Equal("1.0.0", result.Metadata["version"].ToStringUtf8());
        Assert.Equal(
            "\nWARNING: FromAsCasing - https://docs.docker.com/go/dockerfile/rule/from-as-casing/\n" +
            "'as' and 'FROM' keywords' casing do not match\n" +
            "Dockerfile:1\n" +
            "--------------------\n" +
            "   1 | >>> FROM scratch as build\n" +
            "   2 |     COPY . .\n" +
            "   3 |     \n" +
            "--------------------\n",
            result.Metadata["result.txt"].ToStringUtf8());
        using var json = JsonDocument.Parse(result.Metadata["result.json"].Memory);
        var warning = Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal("FromAsCasing", warning.GetProperty("ruleName").GetString());
        Assert.Equal("The 'as' keyword should match the case of the 'from' keyword", warning.GetProperty("description").GetString());
        Assert.Equal(1, warning.GetProperty("location").GetProperty("ranges")[0].GetProperty("start").GetProperty("line").GetInt32());
        var source = Assert.Single(json.RootElement.GetProperty("sources").EnumerateArray());
        Assert.Equal("Dockerfile", source.GetProperty("filename").GetString());
        Assert.Equal("Dockerfile", source.GetProperty("language").GetString());
        Assert.Equal(FromAs, Encoding.UTF8.GetString(source.GetProperty("data").GetBytesFromBase64()));
        Assert.False(json.RootElement.TryGetProperty("buildError", out _));
        Assert.Empty(bridge.Warnings);
    }

    [Fact]
    public async Task ChecksFoundBeforeTheBaseImageLookupReachTheDaemonWhileItIsPending()
    {
        // BuildKit v0.24.0's builtin frontend on buildkitd (buildctl --progress=rawjson): StageNameCasing and
        // MaintainerDeprecated arrive before "[internal] load metadata for ...", WorkdirRelativePath after it.
        var bridge = WithDockerfile("FROM alpine AS Base\nMAINTAINER me\nWORKDIR app\n");
        bridge.Delays["ResolveImageConfig"] = TimeSpan.FromSeconds(3);
        Task<string[]>? duringLookup = null;
        bridge.OnCall = method =>
        {
            if (method == "ResolveImageConfig")
            {
                duringLookup ??= Task.Delay(TimeSpan.FromSeconds(1.5)).ContinueWith(_ => bridge.Warnings.Select(w => w.Short.ToStringUtf8()).ToArray());
            }
        };

        Returned(await RunAsync(bridge, []), bridge);

        Assert.NotNull(duringLookup);
        Assert.Equal(
            [
                "StageNameCasing: Stage name 'Base' should be lowercase (line 1)",
                "MaintainerDeprecated: Maintainer instruction is deprecated in favor of using label (line 2)",
            ],
            await duringLookup);
        Assert.Equal(3, bridge.Warnings.Count);
        Assert.Equal("WorkdirRelativePath: Relative workdir \"app\" can have unexpected results if the base image changes (line 3)", bridge.Warnings.Last().Short.ToStringUtf8());
    }

    [Fact]
    public async Task CleanDockerfileHasStatusZeroAndNullWarnings()
    {
        var bridge = WithDockerfile("FROM scratch AS build\nCOPY . .\n");
        var result = Returned(await RunAsync(bridge, [Opt("requestid", "frontend.lint")]), bridge);

        Assert.Equal("0", result.Metadata["result.statuscode"].ToStringUtf8());
        Assert.Equal("", result.Metadata["result.txt"].ToStringUtf8());
        using var json = JsonDocument.Parse(result.Metadata["result.json"].Memory);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public async Task RejectedDockerfileIsTheBuildErrorOfTheResult()
    {
        var bridge = WithDockerfile("FROM scratch as build\nBADCMD x\n");
        var result = Returned(await RunAsync(bridge, [Opt("requestid", "frontend.lint")]), bridge);

        using var json = JsonDocument.Parse(result.Metadata["result.json"].Memory);
        var error = json.RootElement.GetProperty("buildError");
        Assert.Equal("dockerfile parse error on line 2: unknown instruction: BADCMD", error.GetProperty("message").GetString());
        Assert.Equal(2, error.GetProperty("location").GetProperty("ranges")[0].GetProperty("start").GetProperty("line").GetInt32());
        Assert.Single(json.RootElement.GetProperty("warnings").EnumerateArray());
        Assert.Equal("1", result.Metadata["result.statuscode"].ToStringUtf8());
    }

    [Fact]
    public async Task ErrorTrueFailsTheBuildAfterSendingTheWarnings()
    {
        var bridge = WithDockerfile("# check=error=true\n" + FromAs);
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("lint violation found for rules: FromAsCasing", Assert.Single(bridge.Returns).Error.Message);
        Assert.Equal("FromAsCasing: 'as' and 'FROM' keywords' casing do not match (line 2)", Assert.Single(bridge.Warnings).Short.ToStringUtf8());
    }

    [Fact]
    public async Task ErrorTrueFailsTheBuildWithoutTheWarningsCap()
    {
        var bridge = WithDockerfile("# check=error=true\n" + FromAs);
        bridge.Caps = FakeBridge.AllCaps.Where(c => c != "gateway.warnings").ToArray();
        var run = await RunAsync(bridge);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal("lint violation found for rules: FromAsCasing", Assert.Single(bridge.Returns).Error.Message);
        Assert.Empty(bridge.Warnings);
    }

    [Fact]
    public async Task CheckBuildArgWinsOverTheDirective()
    {
        var bridge = WithDockerfile("# check=error=true\n" + FromAs);
        var run = await RunAsync(bridge, [Opt("build-arg:BUILDKIT_DOCKERFILE_CHECK", "skip=FromAsCasing")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Empty(bridge.Warnings);
    }

    private static Result Returned(Frontend.Gateway.GatewayRunResult run, FakeBridge bridge)
    {
        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var returned = Assert.Single(bridge.Returns);
        Assert.Null(returned.Error);
        return returned.Result;
    }
}
