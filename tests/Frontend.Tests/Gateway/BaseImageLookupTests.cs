using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// The ResolveImageConfig request of a FROM base image carries what v0.24.0's dockerfile2llb puts in it
/// (convert.go: <c>LogName: "[internal] load metadata for " + BaseName</c>, the platform in the brackets when
/// several platforms are built, and <c>ResolveMode: opt.ImageResolveMode.String()</c>), so the daemon shows the
/// lookup under the builtin frontend's step name and resolves it the same way.
/// </summary>
public sealed class BaseImageLookupTests
{
    private const string Dockerfile = "FROM alpine\nCOPY a /a\n";

    [Fact]
    public async Task A_base_image_lookup_is_named_as_the_builtin_frontend_names_it()
    {
        var bridge = WithDockerfile(Dockerfile);
        var run = await RunAsync(bridge);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var resolve = Assert.Single(bridge.Resolves);
        Assert.Equal("[internal] load metadata for docker.io/library/alpine:latest", resolve.LogName);
        Assert.Equal("default", resolve.ResolveMode);
    }

    [Theory]
    [InlineData("pull", "pull")]
    [InlineData("local", "local")]
    [InlineData("default", "default")]
    public async Task The_image_resolve_mode_reaches_the_lookup(string option, string expected)
    {
        var bridge = WithDockerfile(Dockerfile);
        var run = await RunAsync(bridge, [Opt("image-resolve-mode", option)]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Equal(expected, Assert.Single(bridge.Resolves).ResolveMode);
    }

    [Fact]
    public async Task Several_platforms_put_the_platform_in_the_lookup_name()
    {
        var bridge = WithDockerfile(Dockerfile);
        var run = await RunAsync(bridge, [Opt("platform", "linux/amd64,linux/arm64")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        Assert.Equal(
            ["[linux/amd64 internal] load metadata for docker.io/library/alpine:latest", "[linux/arm64 internal] load metadata for docker.io/library/alpine:latest"],
            bridge.Resolves.Select(r => r.LogName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task A_named_context_lookup_keeps_its_own_name_and_the_build_mode()
    {
        var bridge = WithDockerfile(Dockerfile);
        bridge.Images["docker.io/library/alpine:3.20"] = bridge.Images["docker.io/library/alpine:latest"];
        var run = await RunAsync(bridge, [Opt("context:alpine", "docker-image://docker.io/library/alpine:3.20"), Opt("image-resolve-mode", "pull")]);

        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var resolve = Assert.Single(bridge.Resolves);
        Assert.StartsWith("[context alpine] load metadata for ", resolve.LogName, StringComparison.Ordinal);
        Assert.Equal("pull", resolve.ResolveMode);
    }
}
