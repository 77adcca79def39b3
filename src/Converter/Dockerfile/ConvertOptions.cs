using System.Collections.Immutable;
using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Dockerfile;

/// <summary>What a conversion needs besides the Dockerfile: BuildKit's <c>ConvertOpt</c>.</summary>
public sealed record ConvertOptions
{
    /// <summary>Which BuildKit release's frontend to equal (default: v0.24.0, Dockerfile 1.18).</summary>
    public Profiles.BuildKitProfile Profile { get; init; } = Profiles.BuildKitProfile.V0_24;

    /// <summary>The stage to build; empty for the last one.</summary>
    public string Target { get; init; } = "";

    /// <summary>The platform to build for; null means "the build platform", decided per base image.</summary>
    public LlbPlatform? TargetPlatform { get; init; }

    /// <summary>Platforms the builder runs on; empty means the target platform (or linux/amd64).</summary>
    public ImmutableArray<LlbPlatform> BuildPlatforms { get; init; } = [];

    public ImmutableDictionary<string, string> BuildArgs { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Labels added to the target image's config.</summary>
    public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>Base-image metadata; the offline default knows nothing about any image.</summary>
    public IImageMetadataResolver ImageResolver { get; init; } = OfflineImageMetadataResolver.Instance;

    public ResolveMode ImageResolveMode { get; init; }

    /// <summary>The daemon's LLB caps; null when unknown (no degrading).</summary>
    public LlbCaps? LlbCaps { get; init; }

    /// <summary>Written on local sources without a session (upstream draws a random id).</summary>
    public string LocalUniqueId { get; init; } = "csharp-frontend";

    public string SessionId { get; init; } = "";

    public string ContextLocalName { get; init; } = "context";

    /// <summary>Replaces the local build context when set (a git or http context, a frontend input, a subdirectory).</summary>
    public LlbState? BuildContext { get; init; }

    /// <summary>Named contexts that replace stages and images by name (BuildKit's <c>ContextByName</c>); null for none.</summary>
    public Contexts.INamedContextResolver? NamedContexts { get; init; }

    /// <summary>Exclude patterns of the context (from .dockerignore); null when there are none.</summary>
    public ImmutableArray<string>? Excludes { get; init; }

    /// <summary>
    /// Reads the context's exclude patterns when the conversion needs them: after the base images are resolved and
    /// before the first instruction is dispatched, where BuildKit asks for <c>DockerIgnorePatterns</c> (so the
    /// <c>.dockerignore</c> is loaded after the metadata lookups, as the user sees it). Replaces <see cref="Excludes"/>.
    /// </summary>
    public Func<CancellationToken, ValueTask<ImmutableArray<string>?>>? ExcludesLoader { get; init; }

    /// <summary>null: use the cache; empty: ignore it for every stage; else the stages named.</summary>
    public ImmutableArray<string>? IgnoreCache { get; init; }

    public string CacheIdNamespace { get; init; } = "";

    public bool PrefixPlatform { get; init; }

    public ImmutableArray<HostIp> ExtraHosts { get; init; } = [];

    public long ShmSize { get; init; }

    public ImmutableArray<Ulimit> Ulimits { get; init; } = [];

    public string CgroupParent { get; init; } = "";

    public NetMode ForceNetworkMode { get; init; }

    public string Hostname { get; init; } = "";

    /// <summary>The largest marshalled definition accepted: BuildKit's gRPC message limit (16 MiB) by default.</summary>
    public long MaxDefinitionBytes { get; init; } = MessageLimit.DefaultBytes;

    /// <summary>
    /// False: stop once every stage is dispatched, as BuildKit's lint and outline do (<c>toDispatchState</c> without
    /// <c>Marshal</c>). Nothing is marshalled, so a graph the marshaller would refuse (<c>RUN []</c>) is no error and
    /// the result's <see cref="ConvertResult.Definition"/> is <see cref="Llb.Marshal.MarshalResult.Empty"/>.
    /// </summary>
    public bool MarshalDefinition { get; init; } = true;

    /// <summary>The Dockerfile's name in source locations (none are written when null).</summary>
    public SourceMapSpec? SourceMap { get; init; }

    /// <summary>
    /// SOURCE_DATE_EPOCH (<see cref="Dockerfile.SourceDateEpoch"/>): the <c>created</c> time of every history entry
    /// the Dockerfile commits; null writes none. The image's own <c>created</c> is left to the exporter, as in v0.11.6.
    /// </summary>
    public ImageTime? SourceDateEpoch { get; init; }

    /// <summary>Build checks: where warnings go (and the client's configuration); null reports none, as upstream without a warning callback.</summary>
    public Lint.LintOptions? Lint { get; init; }

    /// <summary>Resolve and dispatch every stage, not only those the target needs (the lint subrequest without a target).</summary>
    public bool AllStages { get; init; }
}
