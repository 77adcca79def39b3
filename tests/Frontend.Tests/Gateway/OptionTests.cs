using System.Collections.Immutable;
using System.Text;
using CSharpFrontend.Converter.Llb;
using CSharpFrontend.Frontend.Gateway;

namespace CSharpFrontend.Frontend.Tests.Gateway;

/// <summary>Environment and option parsing with builder/build.go's rules and messages.</summary>
public sealed class OptionTests
{
    private static Dictionary<string, string> Env(params string[] pairs) =>
        pairs.Select(p => p.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);

    [Fact]
    public void GatewayInvocationNeedsNoArgumentsAndTheGatewayVariables()
    {
        Assert.True(GatewayEntry.IsGatewayInvocation([], () => Env("BUILDKIT_SESSION_ID=abc")));
        Assert.True(GatewayEntry.IsGatewayInvocation([], () => Env("BUILDKIT_FRONTEND_OPT_0=target=x")));
        Assert.False(GatewayEntry.IsGatewayInvocation(["translate"], () => Env("BUILDKIT_SESSION_ID=abc")));
        Assert.False(GatewayEntry.IsGatewayInvocation([], () => Env("PATH=/bin")));
        Assert.False(GatewayEntry.IsGatewayInvocation(["translate"], () => throw new InvalidOperationException("the environment is read for a CLI run")));
    }

    [Fact]
    public void OptionVariablesSplitAtTheFirstEquals()
    {
        var env = GatewayEnvironment.From(Env(
            "BUILDKIT_FRONTEND_OPT_0=build-arg:A=x=y", "BUILDKIT_FRONTEND_OPT_1=no-cache", "BUILDKIT_FRONTEND_OPT_2=target=",
            "BUILDKIT_SESSION_ID=s1", "BUILDKIT_EXPORTEDPRODUCT=buildkit", "OTHER=1",
            """BUILDKIT_WORKERS=[{"ID":"w","Labels":{},"Platforms":[{"architecture":"arm","os":"linux","variant":"v7"},{"architecture":"amd64","os":"linux"}]}]"""));
        Assert.Equal("x=y", env.Options["build-arg:A"]);
        Assert.Equal("", env.Options["no-cache"]);
        Assert.Equal("", env.Options["target"]);
        Assert.Equal(3, env.Options.Count);
        Assert.Equal("s1", env.SessionId);
        Assert.Equal("buildkit", env.Product);
        Assert.Equal(["linux/arm/v7", "linux/amd64"], env.WorkerPlatforms.Select(p => p.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("[]")]
    [InlineData("""[{"Platforms":[{"os":"linux","architecture":"amd64","os.features":[1]}]}]""")]
    public void BadWorkersAreIgnored(string json) => Assert.Empty(GatewayEnvironment.ParseWorkerPlatforms(json));

    [Fact]
    public void DefaultsAreUpstreams()
    {
        var options = BuildOptionsParser.Parse(ImmutableDictionary<string, string>.Empty);
        Assert.Equal("Dockerfile", options.Filename);
        Assert.Equal("context", options.ContextLocalName);
        Assert.Equal("dockerfile", options.DockerfileLocalName);
        Assert.False(options.ForceLocalDockerfile);
        Assert.Null(Assert.Single(options.TargetPlatforms));
        Assert.Null(options.IgnoreCache);
        Assert.False(options.ExportMap);
        Assert.Empty(options.CacheImports);
    }

    [Fact]
    public void EveryOptionIsRead()
    {
        var options = BuildOptionsParser.Parse(new Dictionary<string, string>
        {
            ["target"] = "t", ["filename"] = "d/Dockerfile", ["platform"] = "linux/arm64,linux/arm/v6", ["build-arg:X"] = "1",
            ["label:l"] = "v", ["no-cache"] = "a,b", ["image-resolve-mode"] = "pull", ["add-hosts"] = "Host=10.0.0.1,v6=::1",
            ["shm-size"] = "1024", ["ulimit"] = "nofile=1024:2048,\"nproc=10\"", ["force-network-mode"] = "host",
            ["hostname"] = "h", ["build-arg:BUILDKIT_SANDBOX_HOSTNAME"] = "sandbox", ["cgroup-parent"] = "cg",
            ["build-arg:BUILDKIT_CACHE_MOUNT_NS"] = "ns", ["contextkey"] = "ctx", ["dockerfilekey"] = "df",
            ["cache-imports"] = """[{"Type":"local","Attrs":{"src":"/cache"}}]""", ["cache-from"] = "r/a,r/b", ["requestid"] = "x",
        });
        Assert.Equal("t", options.Target);
        Assert.Equal("d/Dockerfile", options.Filename);
        Assert.Equal(["linux/arm64", "linux/arm/v6"], options.TargetPlatforms.Select(p => p?.ToString()));
        Assert.True(options.ExportMap);
        Assert.Equal("1", options.BuildArgs["X"]);
        Assert.True(options.BuildArgs.ContainsKey("BUILDKIT_SANDBOX_HOSTNAME"));
        Assert.Equal("v", options.Labels["l"]);
        Assert.Equal(["a", "b"], options.IgnoreCache!.Value.AsEnumerable());
        Assert.Equal(ResolveMode.ForcePull, options.ResolveMode);
        Assert.Equal([new HostIp("host", "10.0.0.1"), new HostIp("v6", "::1")], options.ExtraHosts.AsEnumerable());
        Assert.Equal(1024, options.ShmSize);
        Assert.Equal([new Ulimit("nofile", 1024, 2048), new Ulimit("nproc", 10, 10)], options.Ulimits.AsEnumerable());
        Assert.Equal(NetMode.Host, options.NetworkMode);
        Assert.Equal("sandbox", options.Hostname);
        Assert.Equal("cg", options.CgroupParent);
        Assert.Equal("ns", options.CacheIdNamespace);
        Assert.Equal("ctx", options.ContextLocalName);
        Assert.Equal("df", options.DockerfileLocalName);
        Assert.True(options.ForceLocalDockerfile);
        Assert.Equal(["local", "registry", "registry"], options.CacheImports.Select(c => c.Type));
        Assert.Equal("/cache", options.CacheImports[0].Attrs["src"]);
        Assert.Equal("r/b", options.CacheImports[2].Attrs["ref"]);
        Assert.Equal("x", options.RequestId);
    }

    [Theory]
    [InlineData("platform", "linux/", "failed to parse target platform linux/")]
    [InlineData("image-resolve-mode", "sometimes", "invalid image-resolve-mode: sometimes")]
    [InlineData("add-hosts", "nohost", "failed to parse additional hosts: invalid key-value pair nohost")]
    [InlineData("add-hosts", "h=300.1.1.1", "failed to parse additional hosts: failed to parse IP 300.1.1.1")]
    [InlineData("shm-size", "1g", "failed to parse shm size: strconv.ParseInt: parsing \"1g\": invalid syntax")]
    [InlineData("ulimit", "bogus=1", "failed to parse ulimit: invalid ulimit type: bogus")]
    [InlineData("ulimit", "nofile=5:1", "failed to parse ulimit: ulimit soft limit must be less than or equal to hard limit: 5 > 1")]
    [InlineData("force-network-mode", "bridge", "invalid netmode bridge")]
    [InlineData("multi-platform", "maybe", "invalid boolean value for multi-platform: maybe")]
    [InlineData("override-copy-image", "x", "support for \"override-copy-image\" was removed in BuildKit 0.11")]
    [InlineData("build-arg:BUILDKIT_DISABLE_FILEOP", "true", "support for \"BUILDKIT_DISABLE_FILEOP\" build-arg was removed in BuildKit 0.11")]
    [InlineData("cache-imports", "{", "failed to unmarshal cache-imports")]
    public void BadOptionsFailWithUpstreamsMessage(string key, string value, string message)
    {
        var error = Assert.Throws<GatewayException>(() => BuildOptionsParser.Parse(new Dictionary<string, string> { [key] = value }));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SbomIsRejectedUnlessDisabledAndProvenanceIsTheDaemons()
    {
        Assert.Throws<GatewayException>(() => BuildOptionsParser.Parse(new Dictionary<string, string> { ["attest:sbom"] = "" }));
        Assert.Throws<GatewayException>(() => BuildOptionsParser.Parse(new Dictionary<string, string> { ["build-arg:BUILDKIT_ATTEST_SBOM"] = "generator=x" }));
        BuildOptionsParser.Parse(new Dictionary<string, string> { ["attest:sbom"] = "disabled=true", ["attest:provenance"] = "mode=min,inline-only=true" });
    }

    [Fact]
    public void MultiPlatformOffForbidsSeveralPlatforms()
    {
        var error = Assert.Throws<GatewayException>(() => BuildOptionsParser.Parse(new Dictionary<string, string>
        {
            ["platform"] = "linux/amd64,linux/arm64", ["build-arg:BUILDKIT_MULTI_PLATFORM"] = "0",
        }));
        Assert.Equal("conflicting config: returning multiple target platforms is not allowed", error.Message);
        Assert.True(BuildOptionsParser.Parse(new Dictionary<string, string> { ["multi-platform"] = "true" }).ExportMap);
    }

    /// <summary>
    /// The three option errors v0.11.6's builder/build.go words otherwise than v0.24.0's dockerui/config.go (the
    /// texts above), under the v0.11 profile.
    /// </summary>
    [Theory]
    [InlineData("multi-platform", "maybe", "invalid boolean value maybe")]
    [InlineData("build-arg:BUILDKIT_DISABLE_FILEOP", "true", "support for \"build-arg:BUILDKIT_DISABLE_FILEOP\" was removed in BuildKit 0.11")]
    [InlineData("build-arg:BUILDKIT_MULTI_PLATFORM", "false", "returning multiple target platforms is not allowed")]
    public void TheCompatibilityProfileKeepsV011sTexts(string key, string value, string message)
    {
        var error = Assert.Throws<GatewayException>(() => BuildOptionsParser.Parse(new Dictionary<string, string>
        {
            [key] = value, ["platform"] = "linux/amd64,linux/arm64", ["build-arg:" + BuildOptionsParser.CompatBuildArg] = "v0.11",
        }));
        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void ForwardedUnknownCapsAreAccepted()
    {
        BuildOptionsParser.ValidateFrontendCaps("moby.buildkit.frontend.inputs,moby.buildkit.frontend.contexts+forward");
        var error = Assert.Throws<GatewayException>(() => BuildOptionsParser.ValidateFrontendCaps("moby.buildkit.frontend.contexts"));
        Assert.Equal(Grpc.Core.StatusCode.Unimplemented, error.Code);
    }

    [Theory]
    [InlineData("a,b", new[] { "a", "b" })]
    [InlineData("\"a,b\",c", new[] { "a,b", "c" })]
    [InlineData("\"say \"\"hi\"\"\"", new[] { "say \"hi\"" })]
    [InlineData("", new[] { "" })]
    public void CsvRecords(string text, string[] fields) => Assert.Equal(fields, GoCsv.ReadRecord(text));

    // Expected values are Go 1.23's net.ParseIP(text).String() (nil → null), run on each row.
    [Theory]
    [InlineData("1.2.3.4", "1.2.3.4")]
    [InlineData("::FFFF:1.2.3.4", "1.2.3.4")]
    [InlineData("::ffff:1.2.3.4", "1.2.3.4")]
    [InlineData("2001:DB8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("2001:db8:0:0:0:0:0:1", "2001:db8::1")]
    [InlineData("::1.2.3.4", "::102:304")]
    [InlineData("::0.0.0.1", "::1")]
    [InlineData("::ffff:0:1.2.3.4", "::ffff:0:102:304")]
    [InlineData("64:ff9b::1.2.3.4", "64:ff9b::102:304")]
    [InlineData("1:0:0:1:0:0:0:1", "1:0:0:1::1")]
    [InlineData("1:0:0:2:0:0:3:4", "1::2:0:0:3:4")]
    [InlineData("2001:db8::1:0:0:1", "2001:db8::1:0:0:1")]
    [InlineData("1:2:3:4:5:6:7:0", "1:2:3:4:5:6:7:0")]
    [InlineData("0:0:0:0:0:0:0:0", "::")]
    [InlineData("1::", "1::")]
    [InlineData("fe80::1%eth0", null)]
    [InlineData("1.2.3", null)]
    [InlineData("01.2.3.4", null)]
    [InlineData("localhost", null)]
    public void IpAddressesAsGoParsesThem(string text, string? expected) =>
        Assert.Equal(expected, BuildOptionsParser.ParseIp(text));

    [Fact]
    public void ExtraHostsAreLowerCasedBeforeTheAddressIsRead() =>
        Assert.Equal(
            [new HostIp("web", "2001:db8::1"), new HostIp("db", "1.2.3.4")],
            BuildOptionsParser.ParseExtraHosts("WEB=2001:DB8::1,Db=::FFFF:1.2.3.4").AsEnumerable());

    [Fact]
    public void DockerignoreAsUpstreamReadsIt()
    {
        var content = Encoding.UTF8.GetBytes("\uFEFF# comment\r\n  spaced  \n\n!  /abs/../keep\n./a//b/\n #notcomment\n/\n");
        Assert.Equal(["spaced", "!keep", "a/b", "#notcomment", "/"], DockerignoreReader.Read(content).AsEnumerable());
    }

    [Fact]
    public void CapsDefaultWhenThePongListsNone()
    {
        var caps = CapSet.FromPong([], GatewayCaps.Defaults);
        Assert.True(caps.Supports("readfile"));
        Assert.False(caps.Supports("return"));
        Assert.Equal("requested feature return  is not supported by build server, please update buildkit", caps.Describe("return", "buildkit"));
        var disabled = CapSet.FromPong([new Moby.Buildkit.V1.Apicaps.APICap { ID = "return", Enabled = false, DisabledReasonMsg = "off" }], GatewayCaps.Defaults);
        Assert.False(disabled.Supports("return"));
        Assert.Equal("requested feature return  has been disabled on the build server: off", disabled.Describe("return", "buildkit"));
    }

    [Fact]
    public void DaemonErrorsPrintAsGoPrintsThem()
    {
        var rpc = new Grpc.Core.RpcException(new Grpc.Core.Status(Grpc.Core.StatusCode.Cancelled, "stop"));
        Assert.Equal("Canceled: stop", ErrorStatus.GoErrorText(rpc));
        var wrapped = GatewayException.Wrap(rpc, "failed to x");
        Assert.Equal("failed to x: Canceled: stop", wrapped.Message);
        Assert.Equal(Grpc.Core.StatusCode.Cancelled, wrapped.Code);
        Assert.Equal((int)Grpc.Core.StatusCode.Unknown, ErrorStatus.From(new InvalidOperationException("plain")).Code);
    }

    [Fact]
    public void MetadataJsonIsGosMapOfBytes()
    {
        var json = GatewayClient.MetadataJson([new("b", [1, 2]), new("a", Encoding.UTF8.GetBytes("{}"))]);
        Assert.Equal("""{"a":"e30=","b":"AQI="}""", Encoding.UTF8.GetString(json));
    }
}
