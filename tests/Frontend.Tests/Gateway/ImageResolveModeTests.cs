using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Frontend.Gateway;
using static CSharpFrontend.Frontend.Tests.Gateway.GatewayHarness;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// The <c>image-resolve-mode</c> frontend option as v0.24.0 reads and uses it: dockerui/attr.go <c>parseResolveMode</c>
/// ("" and <c>default</c>, <c>pull</c>, <c>local</c>, else <c>invalid image-resolve-mode: %s</c>), and client/llb/source.go
/// <c>Image</c>: a mode other than the default is written as the source's <c>image.resolvemode</c> attribute
/// (pb.AttrImageResolveMode, values <c>pull</c> and <c>local</c>), and only <c>pull</c> requires the
/// <c>source.image.resolvemode</c> cap.
/// </summary>
public sealed class ImageResolveModeTests
{
    private const string Dockerfile = "FROM alpine\nRUN true\n";

    [Theory]
    [InlineData("", ResolveMode.Default)]
    [InlineData("default", ResolveMode.Default)]
    [InlineData("pull", ResolveMode.ForcePull)]
    [InlineData("local", ResolveMode.PreferLocal)]
    public void TheOptionNamesAMode(string value, ResolveMode expected)
    {
        Assert.Equal(expected, BuildOptionsParser.Parse(new Dictionary<string, string> { ["image-resolve-mode"] = value }).ResolveMode);
    }

    [Fact]
    public void WithoutTheOptionTheModeIsTheDefault()
    {
        Assert.Equal(ResolveMode.Default, BuildOptionsParser.Parse(new Dictionary<string, string>()).ResolveMode);
    }

    [Theory]
    [InlineData("Local")]
    [InlineData("prefer-local")]
    [InlineData(" pull")]
    public void AnyOtherValueIsRejectedWithUpstreamsMessage(string value)
    {
        var error = Assert.Throws<GatewayException>(() => BuildOptionsParser.Parse(new Dictionary<string, string> { ["image-resolve-mode"] = value }));
        Assert.Equal($"invalid image-resolve-mode: {value}", error.Message);
    }

    [Theory]
    [InlineData("local", "local", false)]
    [InlineData("pull", "pull", true)]
    public async Task ANonDefaultModeIsTheImageSourcesAttribute(string option, string attr, bool needsCap)
    {
        var image = await ImageSourceAsync([Opt("image-resolve-mode", option)]);
        Assert.Equal(attr, image.Op.Source.Attrs["image.resolvemode"]);
        Assert.Equal(needsCap, image.Caps.ContainsKey("source.image.resolvemode"));
    }

    [Theory]
    [InlineData("default")]
    [InlineData("")]
    public async Task TheDefaultModeWritesNoAttribute(string option)
    {
        var image = await ImageSourceAsync([Opt("image-resolve-mode", option)]);
        Assert.False(image.Op.Source.Attrs.ContainsKey("image.resolvemode"));
        Assert.False(image.Caps.ContainsKey("source.image.resolvemode"));
    }

    [Fact]
    public async Task AnInvalidModeFailsTheBuild()
    {
        var bridge = WithDockerfile(Dockerfile);
        await RunAsync(bridge, [Opt("image-resolve-mode", "sometimes")]);
        Assert.Equal("invalid image-resolve-mode: sometimes", Assert.Single(bridge.Returns).Error.Message);
    }

    /// <summary>The docker-image source op of the final solve, with the caps of its metadata.</summary>
    private static async Task<(Pb.Op Op, IReadOnlyDictionary<string, bool> Caps)> ImageSourceAsync(IEnumerable<KeyValuePair<string, string>> options)
    {
        var bridge = WithDockerfile(Dockerfile);
        var run = await RunAsync(bridge, options);
        Assert.True(run.ExitCode == 0, run.Error?.Message);
        var final = bridge.Solves.ToArray()[^1].Definition;
        foreach (var bytes in final.Def)
        {
            var op = Pb.Op.Parser.ParseFrom(bytes);
            if (op.Source?.Identifier.StartsWith("docker-image://", StringComparison.Ordinal) == true)
            {
                var digest = "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes.Span));
                return (op, final.Metadata[digest].Caps);
            }
        }

        throw new Xunit.Sdk.XunitException("no docker-image source in the final solve");
    }
}
