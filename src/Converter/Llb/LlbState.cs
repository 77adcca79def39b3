using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

/// <summary>
/// A value-like build state: an output of the graph (null for scratch) together with the process settings
/// that later execs inherit (env, working directory, user, platform, network, ...). Every method returns a
/// new state; nothing is shared mutably.
/// </summary>
public sealed record LlbState
{
    private LlbState(LlbOutput? output) => Output = output;

    /// <summary>The empty filesystem.</summary>
    public static LlbState Scratch { get; } = new((LlbOutput?)null);

    /// <summary>A state on a vertex's output, with working directory <c>/</c> and the output's platform.</summary>
    public static LlbState FromOutput(LlbOutput? output) => new LlbState(output).TakePlatformOf(output);

    public LlbOutput? Output { get; private init; }

    public EnvList Env { get; init; } = EnvList.Empty;

    public string Dir { get; init; } = "/";

    public string User { get; init; } = "";

    public ImmutableArray<string> Args { get; init; } = [];

    public LlbPlatform? Platform { get; init; }

    public NetMode Network { get; init; }

    public SecurityMode Security { get; init; }

    public string Hostname { get; init; } = "";

    public string CgroupParent { get; init; } = "";

    public ImmutableArray<HostIp> ExtraHosts { get; init; } = [];

    public ImmutableArray<Ulimit> Ulimits { get; init; } = [];

    /// <summary>The same settings on another output (BuildKit's <c>WithOutput</c>): the output's platform wins.</summary>
    public LlbState WithOutput(LlbOutput? output) => (this with { Output = output }).TakePlatformOf(output);

    public LlbState AddEnv(string key, string value) => this with { Env = Env.AddOrReplace(key, value) };

    /// <summary>Sets the working directory; a relative path is joined to the current one.</summary>
    public LlbState WithDir(string dir) =>
        this with { Dir = dir.StartsWith('/') ? dir : PosixPath.Join(Dir.Length == 0 ? "/" : Dir, dir) };

    public LlbState WithUser(string user) => this with { User = user };

    public LlbState WithArgs(params string[] args) => this with { Args = [.. args] };

    public LlbState WithPlatform(LlbPlatform platform) => this with { Platform = platform };

    public LlbState WithNetwork(NetMode network) => this with { Network = network };

    public LlbState WithSecurity(SecurityMode security) => this with { Security = security };

    public LlbState WithHostname(string hostname) => this with { Hostname = hostname };

    public LlbState AddExtraHost(string host, string ip) => this with { ExtraHosts = ExtraHosts.Add(new HostIp(host, ip)) };

    public LlbState AddUlimit(string name, long soft, long hard) => this with { Ulimits = Ulimits.Add(new Ulimit(name, soft, hard)) };

    /// <summary>Runs a process on this state; the result's root is this state with the exec's root output.</summary>
    public ExecState Run(RunOptions options)
    {
        var process = options.With is { } with ? with(this) : this;
        var root = new MountSpec("/", this) { Readonly = options.ReadonlyRootFS };
        var exec = new ExecVertex(process, options.Args, [root, .. options.Mounts], options);
        return new ExecState(this, exec);
    }

    /// <summary>Applies file actions to this state in one FileOp.</summary>
    public LlbState File(FileChain chain, OpConstraints? constraints = null) =>
        WithOutput(new LlbOutput(new FileVertex(this, chain, constraints ?? OpConstraints.None)));

    public LlbState File(FileAction action, OpConstraints? constraints = null) => File(FileChain.Of(action), constraints);

    private LlbState TakePlatformOf(LlbOutput? output) =>
        output?.Platform is { } platform ? this with { Platform = platform } : this;
}

/// <summary>The result of <see cref="LlbState.Run"/>: the root state and the exec's other mounts.</summary>
public sealed record ExecState(LlbState Base, ExecVertex Exec)
{
    /// <summary>The state after the process ran: <see cref="Base"/>'s settings on the root mount's output.</summary>
    public LlbState Root => Mount("/");

    /// <summary>The output of the mount at <paramref name="target"/> (its source when it has no output of its own).</summary>
    public LlbState Mount(string target)
    {
        for (var slot = 0; slot < Exec.Mounts.Length; slot++)
        {
            var mount = Exec.Mounts[slot];
            if (mount.Target != target)
            {
                continue;
            }

            var source = slot == 0 ? Base : mount.Source ?? LlbState.Scratch;
            return mount.HasOutput ? source.WithOutput(new LlbOutput(Exec, slot)) : source;
        }

        throw new ArgumentException($"no mount at {target}", nameof(target));
    }
}
