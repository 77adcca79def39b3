using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Frontend.Gateway;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>
/// The edges of the frontend options as BuildKit's dockerui/config.go reads them (v0.24.0): a removed option only
/// fails when it is set (<c>override-copy-image</c> not empty, <c>BUILDKIT_DISABLE_FILEOP</c> a true boolean),
/// <c>no-cache</c> with no value means every stage, <c>multi-platform=false</c> allows one platform, the network modes
/// by name, go-units' <c>ParseUlimit</c> and Go's <c>strconv</c>/<c>encoding/json</c> failures wrapped with the
/// option's context and the value quoted as <c>%q</c> does; IPv4 as Go's <c>net.ParseIP</c> reads it (four decimal
/// octets up to 255, no leading zeros since Go 1.17).
/// </summary>
public sealed class OptionEdgeTests
{
    private static BuildOptions Parse(params (string Key, string Value)[] options) =>
        BuildOptionsParser.Parse(options.ToDictionary(o => o.Key, o => o.Value, StringComparer.Ordinal));

    private static string Error(string key, string value) =>
        Assert.Throws<GatewayException>(() => Parse((key, value))).Message;

    [Theory]
    [InlineData("override-copy-image", "")]
    [InlineData("build-arg:BUILDKIT_DISABLE_FILEOP", "")]
    [InlineData("build-arg:BUILDKIT_DISABLE_FILEOP", "false")]
    [InlineData("build-arg:BUILDKIT_DISABLE_FILEOP", "0")]
    [InlineData("build-arg:BUILDKIT_DISABLE_FILEOP", "maybe")]
    public void RemovedOptionsPassWhenNotSet(string key, string value) => Parse((key, value));

    [Fact]
    public void NoCacheWithoutAValueMeansEveryStage()
    {
        Assert.Empty(Parse(("no-cache", "")).IgnoreCache!.Value);
        Assert.Equal(["a"], Parse(("no-cache", "a")).IgnoreCache!.Value.AsEnumerable());
        Assert.Null(Parse().IgnoreCache);
    }

    [Fact]
    public void MultiPlatformOffAllowsOnePlatform()
    {
        var options = Parse(("multi-platform", "false"), ("platform", "linux/arm64"));
        Assert.False(options.MultiPlatform);
        Assert.Equal(["linux/arm64"], options.TargetPlatforms.Select(p => p?.ToString()));
    }

    [Theory]
    [InlineData("", NetMode.Sandbox)]
    [InlineData("sandbox", NetMode.Sandbox)]
    [InlineData("none", NetMode.None)]
    [InlineData("host", NetMode.Host)]
    public void NetworkModesByName(string value, NetMode mode) => Assert.Equal(mode, Parse(("force-network-mode", value)).NetworkMode);

    [Fact]
    public void UnsetStringsAreEmpty()
    {
        var options = Parse();
        Assert.Equal(("", "", "", ""), (options.Target, options.Hostname, options.CgroupParent, options.CacheIdNamespace));
        Assert.Equal(0, options.ShmSize);
        Assert.Empty(options.Ulimits);
        Assert.Empty(options.ExtraHosts);
        Assert.Equal(NetMode.Sandbox, options.NetworkMode);
        Assert.Equal(ResolveMode.Default, options.ResolveMode);
        Assert.Null(options.MultiPlatform);
        Assert.Same(Converter.Profiles.BuildKitProfile.V0_24, options.Profile);
        Assert.Equal("h", Parse(("hostname", "h"), ("build-arg:BUILDKIT_SANDBOX_HOSTNAME", "")).Hostname);
    }

    [Theory]
    [InlineData("ulimit", "nofile", "failed to parse ulimit: invalid ulimit argument: nofile")]
    [InlineData("ulimit", "nofile=x", "failed to parse ulimit: strconv.ParseInt: parsing \"x\": invalid syntax")]
    [InlineData("shm-size", "a\"b\\c", "failed to parse shm size: strconv.ParseInt: parsing \"a\\\"b\\\\c\": invalid syntax")]
    [InlineData("cache-imports", "{}", "failed to unmarshal cache-imports (\"{}\"): ")]
    [InlineData("cache-imports", "[{\"Type\":1}]", "failed to unmarshal cache-imports (\"[{\\\"Type\\\":1}]\"): ")]
    public void FailuresNameTheOptionAndQuoteTheValue(string key, string value, string prefix) =>
        Assert.StartsWith(prefix, Error(key, value), StringComparison.Ordinal);

    [Fact]
    public void AddHostsWithABareQuoteFailAsTheCsvReaderSays() =>
        Assert.Equal(
            "failed to parse additional hosts: parse error on line 1, column 2: bare \" in non-quoted-field",
            Error("add-hosts", "a\"b=1.2.3.4"));

    /// <summary><c>encoding/json</c> into <c>[]*CacheOptionsEntry</c>: field names without case, unknown fields and nulls ignored.</summary>
    [Fact]
    public void CacheImportFieldsAreMatchedWithoutCase()
    {
        var imports = Parse(("cache-imports", """[{"type":"registry","ATTRS":{"ref":"r/x","n":null},"other":{"k":"v"}},{"Attrs":{}},{"Type":null}]""")).CacheImports;
        Assert.Equal(["registry", "", ""], imports.Select(i => i.Type));
        Assert.Equal(["n", "ref"], imports[0].Attrs.Keys);
        Assert.Equal(("r/x", ""), (imports[0].Attrs["ref"], imports[0].Attrs["n"]));
        Assert.Empty(imports[1].Attrs);
    }

    /// <summary>Ours (upstream has neither): the compatibility build arg's values, and SBOM attestations refused.</summary>
    [Fact]
    public void OurOwnRefusalsSayWhy()
    {
        Assert.Equal(
            "invalid CSHARP_FRONTEND_COMPAT value \"v9\": expected one of v0.24, v0.11",
            Error("build-arg:CSHARP_FRONTEND_COMPAT", "v9"));
        Assert.Equal("SBOM attestations (attest:sbom) are not supported by csharp-frontend", Error("attest:sbom", ""));
    }

    [Theory]
    [InlineData("0.0.0.0", "0.0.0.0")]
    [InlineData("255.255.255.255", "255.255.255.255")]
    [InlineData("1.2.3.0", "1.2.3.0")]
    [InlineData("10.20.30.40", "10.20.30.40")]
    [InlineData("1.2.3.256", null)]
    [InlineData("1.2.3.04", null)]
    [InlineData("1.2.3.1234", null)]
    [InlineData("1..3.4", null)]
    [InlineData("1.2.3.4.5", null)]
    [InlineData("1.2.3.x", null)]
    [InlineData("1.2.3.+4", null)]
    public void Ipv4AsGoParsesIt(string text, string? expected) => Assert.Equal(expected, BuildOptionsParser.ParseIp(text));

    /// <summary>
    /// Of several bad options, the one dockerui's <c>init</c> reads first is reported (platform, image-resolve-mode,
    /// add-hosts, shm-size, ulimit, force-network-mode, multi-platform, cache-imports, SOURCE_DATE_EPOCH,
    /// BUILDKIT_DOCKERFILE_CHECK), and an unknown frontend cap only after all of them (build.go checks the caps once
    /// the client is made). The last three rows as buildctl printed them on buildkitd v0.24.0.
    /// </summary>
    [Theory]
    [InlineData("multi-platform", "maybe", "platform", "linux/*", "failed to parse target platform linux/*")]
    [InlineData("platform", "linux/amd64", "image-resolve-mode", "bogus", "invalid image-resolve-mode: bogus")]
    [InlineData("add-hosts", "nohost", "image-resolve-mode", "bogus", "invalid image-resolve-mode: bogus")]
    [InlineData("shm-size", "x", "add-hosts", "nohost", "failed to parse additional hosts")]
    [InlineData("ulimit", "x", "shm-size", "x", "failed to parse shm size")]
    [InlineData("force-network-mode", "x", "ulimit", "x", "failed to parse ulimit")]
    [InlineData("multi-platform", "maybe", "force-network-mode", "x", "invalid netmode x")]
    [InlineData("cache-imports", "{", "multi-platform", "maybe", "invalid boolean value for multi-platform: maybe")]
    [InlineData("frontend.caps", "moby.buildkit.frontend.bogus", "cache-imports", "{", "failed to unmarshal cache-imports")]
    [InlineData("build-arg:SOURCE_DATE_EPOCH", "soon", "cache-imports", "{", "failed to unmarshal cache-imports (\"{\"): ")]
    [InlineData("build-arg:BUILDKIT_DOCKERFILE_CHECK", "bogus", "build-arg:SOURCE_DATE_EPOCH", "soon", "invalid SOURCE_DATE_EPOCH: soon: strconv.ParseInt: parsing \"soon\": invalid syntax")]
    [InlineData("frontend.caps", "moby.buildkit.frontend.bogus", "build-arg:BUILDKIT_DOCKERFILE_CHECK", "bogus", "failed to parse build-arg:BUILDKIT_DOCKERFILE_CHECK: invalid check option \"bogus\"")]
    public void TheFirstBadOptionInUpstreamsOrderIsReported(string laterKey, string laterValue, string firstKey, string firstValue, string message) =>
        Assert.StartsWith(message, Assert.Throws<GatewayException>(() => Parse((laterKey, laterValue), (firstKey, firstValue))).Message, StringComparison.Ordinal);
}
