using System.Collections.Immutable;

namespace CSharpFrontend.Converter.Llb;

public enum NetMode
{
    Sandbox = 0,
    Host = 1,
    None = 2,
}

public enum SecurityMode
{
    Sandbox = 0,
    Insecure = 1,
}

public enum CacheSharing
{
    Shared = 0,
    Private = 1,
    Locked = 2,
}

/// <summary>An <c>--add-host</c> entry.</summary>
public sealed record HostIp(string Host, string Ip);

/// <summary>A resource limit for the process.</summary>
public sealed record Ulimit(string Name, long Soft, long Hard);

/// <summary>Proxy settings passed to the process without entering the cache key.</summary>
public sealed record ProxyEnv(string HttpProxy = "", string HttpsProxy = "", string FtpProxy = "", string NoProxy = "", string AllProxy = "");

/// <summary>A filesystem mounted into an exec: bind (default), cache, or tmpfs.</summary>
public sealed record MountSpec(string Target, LlbState? Source)
{
    public bool Readonly { get; init; }

    /// <summary>A path inside the source to mount instead of its root.</summary>
    public string Selector { get; init; } = "";

    /// <summary>Non-empty: a persistent cache directory with this id.</summary>
    public string CacheId { get; init; } = "";

    public CacheSharing CacheSharing { get; init; }

    public bool Tmpfs { get; init; }

    public long TmpfsSize { get; init; }

    /// <summary>A writable bind mount whose changes are thrown away.</summary>
    public bool NoOutput { get; init; }

    internal bool HasOutput => !NoOutput && !Readonly && CacheId.Length == 0 && !Tmpfs;
}

/// <summary>A secret given to the process as a file at <see cref="Target"/>, as the environment variable <see cref="EnvName"/>, or both.</summary>
public sealed record SecretSpec(string Id, string? Target)
{
    public int Uid { get; init; }

    public int Gid { get; init; }

    public int Mode { get; init; } = Convert.ToInt32("400", 8);

    public bool Optional { get; init; }

    /// <summary>The environment variable that gets the secret's value; null for none.</summary>
    public string? EnvName { get; init; }
}

/// <summary>An SSH agent socket forwarded into the exec; an empty target gets <c>/run/buildkit/ssh_agent.N</c>.</summary>
public sealed record SshSpec(string Id = "")
{
    public string Target { get; init; } = "";

    public int Uid { get; init; }

    public int Gid { get; init; }

    public int Mode { get; init; } = Convert.ToInt32("600", 8);

    public bool Optional { get; init; }
}

/// <summary>Everything <see cref="LlbState.Run"/> needs beyond the state itself.</summary>
public sealed record RunOptions
{
    /// <summary>The process arguments; when empty the state's own args are used.</summary>
    public ImmutableArray<string> Args { get; init; } = [];

    /// <summary>Changes to the state that apply to this exec only (network, security, hosts, ...).</summary>
    public Func<LlbState, LlbState>? With { get; init; }

    public ProxyEnv? ProxyEnv { get; init; }

    public bool ReadonlyRootFS { get; init; }

    public ImmutableArray<MountSpec> Mounts { get; init; } = [];

    public ImmutableArray<SecretSpec> Secrets { get; init; } = [];

    public ImmutableArray<SshSpec> Ssh { get; init; } = [];

    /// <summary>CDI devices the container gets (<c>RUN --device</c>).</summary>
    public ImmutableArray<CdiDeviceSpec> Devices { get; init; } = [];

    public OpConstraints Constraints { get; init; } = OpConstraints.None;
}

/// <summary>A CDI device by its fully qualified name (<c>vendor.com/class=name</c>); optional unless required.</summary>
public sealed record CdiDeviceSpec(string Name, bool Optional);
