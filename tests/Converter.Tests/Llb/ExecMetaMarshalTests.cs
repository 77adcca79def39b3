using CSharpFrontend.Converter.Dockerfile;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Tests.Llb;

/// <summary>
/// What an exec op carries beyond its command, as v0.24.0 writes it: the gateway's <c>add-hosts</c> and <c>ulimit</c>
/// options in the exec meta (client/llb exec.go: <c>Meta.ExtraHosts</c> as host/IP pairs, <c>Meta.Ulimit</c> with
/// the <c>exec.meta.ulimit</c> cap), <c>SSH_AUTH_SOCK</c> pointing at the first ssh socket unless the stage already
/// sets it, and the <c>exec.secretenv</c> cap when any secret is an environment variable. The Dockerfile cases were
/// checked with v0.24.0's dockerfile2llb (env and caps as <c>buildctl debug dump-llb</c> shows them).
/// </summary>
public sealed class ExecMetaMarshalTests
{
    private static ConvertOptions Options => TestConversion.Options;

    private static IReadOnlyList<(Pb.ExecOp Exec, IReadOnlyDictionary<string, bool> Caps)> Execs(string dockerfile, ConvertOptions? options = null)
    {
        var result = TestConversion.Convert(dockerfile, options);
        return result.Definition.Ops.Where(o => o.Op.OpCase == Pb.Op.OpOneofCase.Exec)
            .Select(o => (o.Op.Exec, (IReadOnlyDictionary<string, bool>)o.Metadata.Caps)).ToArray();
    }

    [Fact]
    public void ExtraHostsAreTheExecsHostIpPairs()
    {
        var (exec, _) = Assert.Single(Execs("FROM scratch\nRUN true\n", Options with { ExtraHosts = [new HostIp("db", "10.0.0.2"), new HostIp("v6", "::1")] }));
        Assert.Equal([("db", "10.0.0.2"), ("v6", "::1")], exec.Meta.ExtraHosts.Select(h => (h.Host, h.IP)));
    }

    [Fact]
    public void UlimitsAreTheExecsUlimitsWithTheirCap()
    {
        var (exec, caps) = Assert.Single(Execs("FROM scratch\nRUN true\n", Options with { Ulimits = [new Ulimit("nofile", 1024, 2048)] }));
        var ulimit = Assert.Single(exec.Meta.Ulimit);
        Assert.Equal(("nofile", 1024L, 2048L), (ulimit.Name, ulimit.Soft, ulimit.Hard));
        Assert.True(caps["exec.meta.ulimit"]);
    }

    [Fact]
    public void WithoutUlimitsThereIsNoUlimitCap()
    {
        var (exec, caps) = Assert.Single(Execs("FROM scratch\nRUN true\n"));
        Assert.Empty(exec.Meta.Ulimit);
        Assert.Empty(exec.Meta.ExtraHosts);
        Assert.False(caps.ContainsKey("exec.meta.ulimit"));
    }

    [Fact]
    public void SshAuthSockIsTheFirstSocketUnlessTheStageSetsIt()
    {
        var (own, _) = Assert.Single(Execs("FROM scratch\nRUN --mount=type=ssh --mount=type=ssh,id=b true\n"));
        Assert.Contains("SSH_AUTH_SOCK=/run/buildkit/ssh_agent.0", own.Meta.Env);
        var (kept, _) = Assert.Single(Execs("FROM scratch\nENV SSH_AUTH_SOCK=/mine\nRUN --mount=type=ssh true\n"));
        Assert.Equal(["SSH_AUTH_SOCK=/mine"], kept.Meta.Env.Where(e => e.StartsWith("SSH_AUTH_SOCK=", StringComparison.Ordinal)));
    }

    [Fact]
    public void OneSecretAsAnEnvironmentVariableNeedsTheSecretEnvCap()
    {
        var execs = Execs("FROM scratch\nRUN --mount=type=secret,id=a --mount=type=secret,id=b,env=B b\nRUN --mount=type=secret,id=a c\n");
        var mixed = execs.Single(e => e.Exec.Meta.Args[^1] == "b").Caps;
        Assert.True(mixed["exec.mount.secret"]);
        Assert.True(mixed["exec.secretenv"]);
        var fileOnly = execs.Single(e => e.Exec.Meta.Args[^1] == "c").Caps;
        Assert.True(fileOnly["exec.mount.secret"]);
        Assert.False(fileOnly.ContainsKey("exec.secretenv"));
    }
}
