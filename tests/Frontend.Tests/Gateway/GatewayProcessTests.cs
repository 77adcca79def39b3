namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>The built <c>csharp-frontend</c> in gateway mode, its stdin/stdout relayed to the fake daemon.</summary>
public sealed class GatewayProcessTests
{
    [Fact]
    public async Task TheProcessBuildsOverItsStdio()
    {
        var (bridge, frontendBytes) = await BuildAsync("FROM alpine\nRUN echo hi\n");

        var returned = Assert.Single(bridge.Returns);
        Assert.Null(returned.Error);
        Assert.True(returned.Result.Metadata.ContainsKey("containerimage.config"));
        Assert.Equal(3, bridge.Solves.Count);
        Assert.NotEmpty(Http2ClientBytes.FrameTypes(frontendBytes));
    }

    [Fact]
    public async Task TheProcessSendsTheBuildChecksWarnings()
    {
        var (bridge, _) = await BuildAsync("FROM alpine AS Base\nENV foo bar\n");

        // BuildKit v0.24.0's texts (linter.LintFormatShort), in the order the checks found them.
        Assert.Equal(
            [
                "StageNameCasing: Stage name 'Base' should be lowercase (line 1)",
                "LegacyKeyValueFormat: \"ENV key=value\" should be used instead of legacy \"ENV key value\" format (line 2)",
            ],
            bridge.Warnings.Select(w => w.Short.ToStringUtf8()));
    }

    /// <summary>Runs the process against a fake daemon serving <paramref name="dockerfile"/>; it must exit 0.</summary>
    private static async Task<(FakeBridge Bridge, byte[] FrontendBytes)> BuildAsync(string dockerfile)
    {
        var bridge = GatewayHarness.WithDockerfile(dockerfile);
        await using var host = await FakeBridgeHost.StartAsync(bridge);
        using var process = new GatewayProcess([GatewayHarness.Opt("target", "")]);
        await using var relay = new Relay(process.Output, process.Input, await host.ConnectAsync());

        var (exitCode, stderr, _) = await process.WaitAsync(TimeSpan.FromSeconds(60));
        await relay.DrainAsync(TimeSpan.FromSeconds(5));

        Assert.True(exitCode == 0, stderr);
        return (bridge, relay.FrontendBytes);
    }
}
