using System.Collections.Immutable;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Frontend.Gateway;

/// <summary>A cache source for the final solve (<c>cache-imports</c> / <c>cache-from</c>).</summary>
/// <param name="Type">e.g. <c>registry</c>, <c>local</c>, <c>gha</c>.</param>
/// <param name="Attrs">The importer's attributes (e.g. <c>ref</c>).</param>
public sealed record CacheImport(string Type, ImmutableSortedDictionary<string, string> Attrs);

/// <summary>The Dockerfile frontend's options, parsed from the frontend options as builder/build.go reads them.</summary>
public sealed record BuildOptions
{
    /// <summary>
    /// The BuildKit release to equal: <c>build-arg:CSHARP_FRONTEND_COMPAT</c> (<c>v0.24</c>, the default, or
    /// <c>v0.11</c>).
    /// </summary>
    public Converter.Profiles.BuildKitProfile Profile { get; init; } = Converter.Profiles.BuildKitProfile.V0_24;

    /// <summary>
    /// <c>build-arg:SOURCE_DATE_EPOCH</c> when the profile reads it with the options
    /// (<see cref="Converter.Profiles.BuildKitProfile.EpochAndChecksReadWithOptions"/>); null when absent or empty.
    /// </summary>
    public Converter.Image.ImageTime? SourceDateEpoch { get; init; }

    /// <summary>The stage to build (<c>target</c>); empty for the last.</summary>
    public string Target { get; init; } = "";

    /// <summary>The Dockerfile's path in the Dockerfile local (<c>filename</c>).</summary>
    public string Filename { get; init; } = "Dockerfile";

    /// <summary>The platforms to build (<c>platform</c>, comma separated); one null entry when none was given.</summary>
    public ImmutableArray<LlbPlatform?> TargetPlatforms { get; init; } = [null];

    /// <summary>The <c>build-arg:*</c> options.</summary>
    public ImmutableDictionary<string, string> BuildArgs { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The <c>label:*</c> options.</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary><c>no-cache</c>: null absent, empty for every stage, else the stages.</summary>
    public ImmutableArray<string>? IgnoreCache { get; init; }

    /// <summary><c>image-resolve-mode</c>.</summary>
    public ResolveMode ResolveMode { get; init; }

    /// <summary><c>add-hosts</c>.</summary>
    public ImmutableArray<HostIp> ExtraHosts { get; init; } = [];

    /// <summary><c>shm-size</c> in bytes.</summary>
    public long ShmSize { get; init; }

    /// <summary><c>ulimit</c>.</summary>
    public ImmutableArray<Ulimit> Ulimits { get; init; } = [];

    /// <summary><c>force-network-mode</c>.</summary>
    public NetMode NetworkMode { get; init; }

    /// <summary><c>hostname</c>, or <c>build-arg:BUILDKIT_SANDBOX_HOSTNAME</c>.</summary>
    public string Hostname { get; init; } = "";

    /// <summary><c>cgroup-parent</c>.</summary>
    public string CgroupParent { get; init; } = "";

    /// <summary><c>build-arg:BUILDKIT_CACHE_MOUNT_NS</c>.</summary>
    public string CacheIdNamespace { get; init; } = "";

    /// <summary>The build context's local name (<c>contextkey</c>).</summary>
    public string ContextLocalName { get; init; } = "context";

    /// <summary>The Dockerfile's local name (<c>dockerfilekey</c>).</summary>
    public string DockerfileLocalName { get; init; } = "dockerfile";

    /// <summary>Whether <c>dockerfilekey</c> was given (the Dockerfile is then never taken from inputs).</summary>
    public bool ForceLocalDockerfile { get; init; }

    /// <summary><c>cache-imports</c> (JSON) followed by <c>cache-from</c> (registry refs).</summary>
    public ImmutableArray<CacheImport> CacheImports { get; init; } = [];

    /// <summary><c>multi-platform</c> (or <c>build-arg:BUILDKIT_MULTI_PLATFORM</c>); null when not said.</summary>
    public bool? MultiPlatform { get; init; }

    /// <summary><c>requestid</c>: a subrequest instead of a build.</summary>
    public string? RequestId { get; init; }

    /// <summary>Whether the results are a map by platform (several platforms, or multi-platform on).</summary>
    public bool ExportMap => MultiPlatform ?? TargetPlatforms.Length > 1;
}
