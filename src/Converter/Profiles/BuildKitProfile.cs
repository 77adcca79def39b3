using CSharpFrontend.Converter.Image;
using CSharpFrontend.Converter.Llb.Wire;
using CSharpFrontend.Parser;

namespace CSharpFrontend.Converter.Profiles;

/// <summary>
/// The behaviours in which two BuildKit releases' Dockerfile frontends differ, as one named set. The converter, the
/// marshaller and the dumps read these fields; nothing else asks which release it is emulating.
/// </summary>
public sealed record BuildKitProfile
{
    /// <summary>BuildKit v0.24.0, Dockerfile frontend 1.18.0: the default.</summary>
    public static BuildKitProfile V0_24 { get; } = new()
    {
        Name = "v0.24",
        Description = "BuildKit v0.24.0 (Dockerfile frontend 1.18.0)",
    };

    /// <summary>BuildKit v0.11.6, Dockerfile frontend 1.5: the compatibility mode.</summary>
    public static BuildKitProfile V0_11 { get; } = new()
    {
        Name = "v0.11",
        Description = "BuildKit v0.11.6 (Dockerfile frontend 1.5)",
        ParserDialect = BuildKitDialect.V0_11,
        OpFieldOrder = OpFieldOrder.NumberOrder,
        FileOpsCarryPlatform = true,
        ImageConfigLayout = ImageConfigLayout.BuildKitV011,
        PinnedBaseKeepsTag = false,
        NamesUrlSources = false,
        NamesLinkLayer = false,
        CopyHistoryShowsOwnerAndMode = false,
        InlineFileMode = 0x1B4, // 0664
        HealthcheckHistoryHasStartInterval = false,
        ExposeHistoryAsList = false,
        ArgExpandsLazily = false,
        ArgHistoryShowsValue = false,
        StepNamesExpandPatternModifiers = false,
        StageInheritsBuildArgs = false,
        RunHistoryMergesRepeatedArgs = false,
        CacheMountPermissionsStepName = "[internal] settings cache mount permissions",
        TargetStageArg = false,
        SecretAndSshMountsHaveNoInput = false,
        WindowsPathRules = false,
        FileOpsDeclareCopyCaps = true,
        TargetErrorQuotesAndSuggests = false,
        CopyFromRejectsExpansion = false,
        OnBuildTriggersAsCommands = false,
        WorkdirStateFollowsConfig = false,
        WorkdirMkdirTakesEpoch = false,
        PlatformErrorsSuggestArgs = false,
        GitUrlQueries = false,
        ReferenceErrorsNameRepository = false,
        LocalContextsFollowUsedPaths = false,
        NamedContextsLoadWhenReachable = false,
        ScratchStageTakesTargetPlatform = false,
        FrontendOptionErrors = FrontendOptionErrors.V0_11,
        ChmodIgnoresNonOctal = true,
        ExcludePatternsChecked = false,
        GlobalArgsAsEnvList = false,
        ImagePlatformMergesTarget = false,
        EpochAndChecksReadWithOptions = false,
        NamedGitContextsKeepGitDir = true,
        ContextImagePlatformHasOsVersion = false,
    };

    /// <summary>Every profile, by the name <c>--compat</c> and <c>BUILDKIT_COMPAT</c> take.</summary>
    public static IReadOnlyList<BuildKitProfile> All { get; } = [V0_24, V0_11];

    /// <summary>The profile called <paramref name="name"/> (<c>v0.24</c>, <c>v0.11</c>; a leading <c>v</c> and a patch
    /// number such as <c>0.11.6</c> are accepted), or null.</summary>
    public static BuildKitProfile? Find(string name)
    {
        var key = name.Trim().TrimStart('v', 'V');
        foreach (var profile in All)
        {
            var version = profile.Name[1..];
            if (key == version || key.StartsWith(version + ".", StringComparison.Ordinal))
            {
                return profile;
            }
        }

        return null;
    }

    /// <summary>The short name: <c>v0.24</c>, <c>v0.11</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Which release it equals, for help texts.</summary>
    public required string Description { get; init; }

    /// <summary>How the parser reads the constructs that changed.</summary>
    public BuildKitDialect ParserDialect { get; init; } = BuildKitDialect.Current;

    /// <summary>Where an op's oneof is written (the protobuf library of the release).</summary>
    public OpFieldOrder OpFieldOrder { get; init; } = OpFieldOrder.OneofLast;

    /// <summary>File ops carry the platform (v0.11); later releases leave it out.</summary>
    public bool FileOpsCarryPlatform { get; init; }

    /// <summary>The Go type the image config is written as.</summary>
    public ImageConfigLayout ImageConfigLayout { get; init; } = ImageConfigLayout.DockerOci;

    /// <summary>
    /// A resolved base image keeps the tag the frontend added (<c>busybox</c> → <c>…/busybox:latest@sha256:…</c>, and
    /// <c>FROM docker.io/library/busybox:latest</c> as the step name); v0.11 named and pinned the untagged reference.
    /// </summary>
    public bool PinnedBaseKeepsTag { get; init; } = true;

    /// <summary>The download of <c>ADD &lt;url&gt;</c> carries the step name (v0.11 named it only with <c>--checksum</c>/<c>--unpack</c>).</summary>
    public bool NamesUrlSources { get; init; } = true;

    /// <summary>
    /// <c>COPY --link</c>: the copy into scratch carries the step name, location and cache flag, and the merge its
    /// location and cache flag too (v0.11 gave both only the progress group and the merge its <c>LINK</c> name).
    /// </summary>
    public bool NamesLinkLayer { get; init; } = true;

    /// <summary>COPY/ADD history shows <c>--chown=</c> and <c>--chmod=</c> (v0.11 showed neither, except a symbolic chmod).</summary>
    public bool CopyHistoryShowsOwnerAndMode { get; init; } = true;

    /// <summary>Permission bits of a COPY heredoc's file: 0644 (v0.11: 0664).</summary>
    public int InlineFileMode { get; init; } = 0x1A4; // 0644

    /// <summary>HEALTHCHECK history prints the config's StartInterval among the durations (v0.11's type had none).</summary>
    public bool HealthcheckHistoryHasStartInterval { get; init; } = true;

    /// <summary>
    /// EXPOSE history is the list of <c>port/proto</c> as parsed (<c>EXPOSE [80/tcp 443/udp]</c>; upstream's v0.25 fix of
    /// v0.24.0's pointer text), with v0.24's port parser and errors; v0.11 printed the Go map of nat's parser.
    /// </summary>
    public bool ExposeHistoryAsList { get; init; } = true;

    /// <summary>ARG expands only a default that is used, and not its name (v0.11 expanded the whole instruction).</summary>
    public bool ArgExpandsLazily { get; init; } = true;

    /// <summary>ARG history shows the value in effect (build arg, default or global); v0.11 showed the written default.</summary>
    public bool ArgHistoryShowsValue { get; init; } = true;

    /// <summary>Step names expand <c>${v%p}</c>, <c>${v#p}</c>, <c>${v/p/r}</c> (v0.11's name expansion left them as written).</summary>
    public bool StepNamesExpandPatternModifiers { get; init; } = true;

    /// <summary>A stage based on another stage starts with its ARGs (shown in <c>RUN |N</c> history).</summary>
    public bool StageInheritsBuildArgs { get; init; } = true;

    /// <summary><c>RUN |N k=v</c> history lists an ARG declared twice once, with its last value.</summary>
    public bool RunHistoryMergesRepeatedArgs { get; init; } = true;

    /// <summary>The step name of the mkdir that gives a cache mount its uid/gid/mode.</summary>
    public string CacheMountPermissionsStepName { get; init; } = "[internal] setting cache mount permissions";

    /// <summary>The automatic args include TARGETSTAGE, BUILDOSVERSION and TARGETOSVERSION.</summary>
    public bool TargetStageArg { get; init; } = true;

    /// <summary>Secret and SSH mounts are written with <c>input: -1</c> (v0.11 left the input at 0).</summary>
    public bool SecretAndSshMountsHaveNoInput { get; init; } = true;

    /// <summary>Windows stages: no default PATH, and the config's working directory with backslashes.</summary>
    public bool WindowsPathRules { get; init; } = true;

    /// <summary>
    /// File ops declare the caps of their copies (include/exclude patterns, required paths, mode strings). v0.24.0's
    /// LLB client looks for them before it has collected the actions, so it never declares them.
    /// </summary>
    public bool FileOpsDeclareCopyCaps { get; init; }

    /// <summary><c>target stage "x" could not be found</c> with a "did you mean" (v0.11: unquoted, no suggestion).</summary>
    public bool TargetErrorQuotesAndSuggests { get; init; } = true;

    /// <summary><c>COPY --from</c> with anything the shell would expand is rejected (v0.11 tried it as an image name).</summary>
    public bool CopyFromRejectsExpansion { get; init; } = true;

    /// <summary>
    /// ONBUILD triggers of the base (image config, or the base stage's ONBUILD instructions) are the stage's first
    /// commands: counted in its steps, named <c>ONBUILD RUN ...</c>, their <c>--from</c> stages dependencies. v0.11 ran
    /// them uncounted and unnamed at dispatch (<c>[3/2]</c>).
    /// </summary>
    public bool OnBuildTriggersAsCommands { get; init; } = true;

    /// <summary>
    /// The state's working directory is the config's, normalized against the previous one (an empty WORKDIR keeps
    /// it, trailing slash included); v0.11 set the state from the path as written.
    /// </summary>
    public bool WorkdirStateFollowsConfig { get; init; } = true;

    /// <summary>WORKDIR's mkdir is created at SOURCE_DATE_EPOCH when one is given (v0.24 <c>WithCreatedTime</c>; v0.11 left it unset).</summary>
    public bool WorkdirMkdirTakesEpoch { get; init; } = true;

    /// <summary>
    /// <c>FROM --platform</c> errors name the expression as written, reject an empty result, and suggest a defined
    /// arg for a misspelt one.
    /// </summary>
    public bool PlatformErrorsSuggestArgs { get; init; } = true;

    /// <summary>
    /// ADD's git URLs take a query (<c>?ref=</c>, <c>tag=</c>, <c>branch=</c>, <c>subdir=</c>, <c>checksum=</c>,
    /// <c>keep-git-dir</c>, <c>submodules=</c>); v0.11 downloaded such an http(s) URL as a file.
    /// </summary>
    public bool GitUrlQueries { get; init; } = true;

    /// <summary>An image reference's lower-case error names the repository (distribution/reference 0.6).</summary>
    public bool ReferenceErrorsNameRepository { get; init; } = true;

    /// <summary>
    /// A <c>local:</c> named context is sent with only the paths its stage's readers use (<c>local.followpaths</c>,
    /// dockerui's <c>asyncLocalOutput</c> fed by the dispatch state's paths), so each reader of a name that is not a
    /// stage gets its own source; v0.11 sent the whole directory once.
    /// </summary>
    public bool LocalContextsFollowUsedPaths { get; init; } = true;

    /// <summary>
    /// Named contexts are loaded (resolved, their <c>.dockerignore</c> solved) only for reachable stages: a stage name
    /// is only looked up when the stage is registered, its base forgotten, and loaded with the base images
    /// (<c>resolveReachableStages</c>). v0.11 loaded a stage's context when registering it (keeping the base it
    /// names) and every base image's context, reachable or not.
    /// </summary>
    public bool NamedContextsLoadWhenReachable { get; init; } = true;

    /// <summary>
    /// A <c>FROM scratch</c> stage runs on the target platform whatever its <c>--platform</c> says (v0.24's
    /// base-image resolution sets the scratch stage's platform to the target): its WORKDIR rules, the
    /// WorkdirRelativePath check and its step names see the target's OS. v0.11 kept the <c>--platform</c> given.
    /// </summary>
    public bool ScratchStageTakesTargetPlatform { get; init; } = true;

    /// <summary>
    /// <c>COPY</c>/<c>ADD --chmod</c> is an octal number of up to 32 bits (<c>strconv.ParseUint(chmod, 8, 32)</c>), and
    /// anything else is silently no mode: v0.11's <c>dispatchCopy</c>. v0.24 limits the number to 07777, accepts
    /// symbolic modes and rejects the rest.
    /// </summary>
    public bool ChmodIgnoresNonOctal { get; init; }

    /// <summary>
    /// The context's exclude patterns (<c>.dockerignore</c>) are compiled before the first instruction is dispatched
    /// (v0.24's <c>patternmatcher.New</c> for CopyIgnoredFile): a pattern it refuses fails the conversion and the lint
    /// with its error. v0.11 only handed them to the context source.
    /// </summary>
    public bool ExcludePatternsChecked { get; init; } = true;

    /// <summary>
    /// The ARGs before the first FROM form an environment list (v0.24's <c>buildMetaArgs</c>): an ARG without a value
    /// leaves its name unset, or at its earlier value; a default that fails to expand fails the conversion at its
    /// line; a default that reads its own name depends on what the earlier definition read. v0.11 mapped every name,
    /// an ARG without a value to the empty string (and a stage's ARG to nothing after it), and took a failed default
    /// as empty.
    /// </summary>
    public bool GlobalArgsAsEnvList { get; init; } = true;

    /// <summary>
    /// The target's image config takes the target platform's os and architecture, but keeps its own variant and OS
    /// version when the target gives none for the same os and architecture, and is normalized (v0.24's
    /// <c>toDispatchState</c> end). v0.11 wrote the target's variant over the image's and normalized nothing.
    /// </summary>
    public bool ImagePlatformMergesTarget { get; init; } = true;

    /// <summary>
    /// A git named context (<c>context:name=https://….git</c>) keeps its <c>.git</c> directory only when its URL asks
    /// (<c>?keep-git-dir</c>, v0.24's <c>DetectGitContext(input, nil)</c>); v0.11 always kept it.
    /// </summary>
    public bool NamedGitContextsKeepGitDir { get; init; }

    /// <summary>
    /// The platform an image named context's config gives its state has the config's OS version and features (v0.24's
    /// <c>State.WithImageConfig</c>); v0.11 took os, architecture and variant only.
    /// </summary>
    public bool ContextImagePlatformHasOsVersion { get; init; } = true;

    /// <summary>How the gateway words a frontend option it refuses (dockerui's <c>config.go</c>; v0.11's <c>build.go</c>).</summary>
    public FrontendOptionErrors FrontendOptionErrors { get; init; } = FrontendOptionErrors.V0_24;

    /// <summary>
    /// <c>build-arg:SOURCE_DATE_EPOCH</c> and <c>build-arg:BUILDKIT_DOCKERFILE_CHECK</c> are read with the other
    /// frontend options, in dockerui's <c>init</c> order, before the Dockerfile and any subrequest (v0.24). v0.11's
    /// builder read the epoch after the Dockerfile and the describe subrequest, before outline and targets, and had no
    /// checks to configure.
    /// </summary>
    public bool EpochAndChecksReadWithOptions { get; init; } = true;
}
