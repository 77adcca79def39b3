using CSharpFrontend.Converter.Llb;

namespace CSharpFrontend.Converter.Image;

/// <summary>
/// How BuildKit v0.11.6's Dockerfile frontend derives a stage's image config: from scratch, from a resolved base
/// image, or from another stage; and what it does to the target's config at the end.
/// </summary>
public static class StageImage
{
    /// <summary>
    /// The image of <c>FROM scratch</c> (and of a stage whose base gives no config): <paramref name="platform"/>'s
    /// os, architecture and variant, rootfs type <c>layers</c> with no diff ids (written <c>null</c>), working
    /// directory <c>/</c> and the default PATH for the os. With <paramref name="windowsRules"/> (v0.24's
    /// <c>emptyImage</c>) also its OS version and features, and no PATH on Windows.
    /// </summary>
    public static ImageConfig Scratch(LlbPlatform platform, bool windowsRules = false) =>
        new()
        {
            Architecture = platform.Architecture,
            OS = platform.OS,
            Variant = platform.Variant,
            OSVersion = windowsRules ? platform.OSVersion : "",
            OSFeatures = windowsRules ? [.. platform.OSFeatures] : [],
            RootFs = new RootFs { Type = "layers" },
            Config = new ContainerConfig
            {
                WorkingDir = "/",
                Env = windowsRules && platform.OS == "windows" ? EnvEntries.Empty : ["PATH=" + DefaultPath.For(platform.OS)],
            },
        };

    /// <summary>The image of a stage built on a resolved base image: its config as is, without <c>created</c>.</summary>
    public static ImageConfig FromBase(ImageConfig baseConfig) => baseConfig with { Created = null };

    /// <summary>
    /// Whether a resolved base image is empty, so the stage starts from scratch instead of the image: no diff ids
    /// and every history entry marked empty_layer (true as well with no history at all).
    /// </summary>
    public static bool IsScratch(ImageConfig baseConfig) =>
        (baseConfig.RootFs.DiffIds?.IsDefaultOrEmpty ?? true)
        && baseConfig.History.All(h => h.EmptyLayer);

    /// <summary>
    /// The platform for a stage whose platform was not given, when the target platform was not given either: the
    /// target when the base image is for the target's os and architecture, else the first build platform that is,
    /// else the target.
    /// </summary>
    public static LlbPlatform AutoDetectPlatform(ImageConfig baseConfig, LlbPlatform target, IReadOnlyList<LlbPlatform> buildPlatforms)
    {
        if (target.OS == baseConfig.OS && target.Architecture == baseConfig.Architecture)
        {
            return target;
        }

        return buildPlatforms.FirstOrDefault(p => p.OS == baseConfig.OS && p.Architecture == baseConfig.Architecture) ?? target;
    }

    /// <summary>
    /// What a stage starts with, from its initial image (<see cref="Scratch"/>, <see cref="FromBase"/> or the image
    /// of the stage it is built on): PATH appended when the Env has no PATH entry (default for
    /// <paramref name="platformOS"/>, Unix when null); the Env entries, the working directory and the user to set
    /// on the LLB state; the ONBUILD triggers to run, which the returned image no longer carries.
    /// </summary>
    /// <remarks>
    /// A relative working directory in the config becomes <c>/dir/dir</c> in the image (upstream joins it onto
    /// itself), while the LLB state gets the directory as written.
    /// </remarks>
    /// <param name="image">The stage's image so far.</param>
    /// <param name="platformOS">The stage's OS.</param>
    /// <param name="windowsRules">
    /// Current BuildKit's Windows rules: no default PATH (left to the OS) and the config's working directory with
    /// backslashes.
    /// </param>
    /// <param name="stateDirFromConfig">The state's directory is the config's, normalized (v0.24), not as written.</param>
    public static StageStart Start(ImageConfig image, string? platformOS, bool windowsRules = false, bool stateDirFromConfig = false)
    {
        var config = image.Config;
        var env = config.Env;
        var windows = windowsRules && platformOS == "windows";
        if (!env.ContainsKey("PATH") && !windows)
        {
            env = env.Set("PATH", DefaultPath.For(platformOS ?? ""));
        }

        string? stateDir = null;
        var workingDir = config.WorkingDir;
        if (workingDir.Length > 0)
        {
            stateDir = workingDir;
            if (windows)
            {
                // dispatchWorkdir with the config's directory against itself, by Windows rules.
                workingDir = Dockerfile.WindowsPath.NormalizeWorkdir(workingDir, workingDir);
            }
            else if (!PosixPath.IsAbs(workingDir))
            {
                workingDir = PosixPath.Join("/", workingDir, workingDir);
            }

            if (stateDirFromConfig)
            {
                stateDir = workingDir;
            }

            if (windows)
            {
                workingDir = workingDir.Replace('/', '\\');
            }
        }

        var triggers = config.OnBuild ?? [];
        var started = image with { Config = config with { Env = env, WorkingDir = workingDir, OnBuild = null } };
        return new StageStart(
            started,
            [.. env.Select(e => EnvEntry.Split(e)).Select(kv => KeyValuePair.Create(kv.Key, kv.Value))],
            stateDir,
            config.User.Length > 0 ? config.User : null,
            triggers.IsDefault ? [] : triggers);
    }

    /// <summary>
    /// Sets history (and image) creation times later than <paramref name="epoch"/>, and missing history times, to
    /// <paramref name="epoch"/> (SOURCE_DATE_EPOCH on an image from a named context); unchanged without an epoch.
    /// </summary>
    public static ImageConfig ClampTimes(ImageConfig image, ImageTime? epoch)
    {
        if (epoch is not { } tm)
        {
            return image;
        }

        return image with
        {
            History = [.. image.History.Select(h => h.Created is not { } c || c.IsAfter(tm) ? h with { Created = tm } : h)],
            Created = image.Created is { } created && created.IsAfter(tm) ? tm : image.Created,
        };
    }

    /// <summary>
    /// The target stage's final image: <paramref name="labels"/> (build-time labels) added, then, when the target
    /// platform was given explicitly, its os and architecture written over the image's. v0.24 (<paramref name="merge"/>)
    /// keeps the image's variant and OS version when the target has none and the os and architecture are the image's
    /// own, takes the target's OS features, and normalizes the result (containerd's <c>Normalize</c>) even without a
    /// target; v0.11 wrote the target's variant as well, nothing else.
    /// </summary>
    public static ImageConfig Finish(ImageConfig target, LlbPlatform? explicitTargetPlatform, IReadOnlyDictionary<string, string>? labels = null, bool merge = true)
    {
        var image = labels is { Count: > 0 } ? target.WithConfig(c => c.WithLabels(labels)) : target;
        if (!merge)
        {
            return explicitTargetPlatform is { } given ? image with { OS = given.OS, Architecture = given.Architecture, Variant = given.Variant } : image;
        }

        if (explicitTargetPlatform is { } p)
        {
            var sameOsArch = p.OS == image.OS && p.Architecture == image.Architecture;
            image = image with
            {
                OS = p.OS,
                Architecture = p.Architecture,
                Variant = p.Variant.Length > 0 || !sameOsArch ? p.Variant : image.Variant,
                OSVersion = p.OSVersion.Length > 0 || !sameOsArch ? p.OSVersion : image.OSVersion,
                OSFeatures = p.OSFeatures.Count > 0 ? [.. p.OSFeatures] : image.OSFeatures,
            };
        }

        var normalized = new LlbPlatform(image.OS, image.Architecture, image.Variant).Normalize();
        return normalized.OS == image.OS && normalized.Architecture == image.Architecture && normalized.Variant == image.Variant
            ? image
            : image with { OS = normalized.OS, Architecture = normalized.Architecture, Variant = normalized.Variant };
    }
}
