namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// A daemon the suite builds with. <see cref="Docker"/>: Debian's dockerd 20.10 (builtin BuildKit about v0.8),
/// driven by <c>docker build</c>, images inspected in dockerd. <see cref="BuildKit"/>: a standalone buildkitd driven
/// by <c>buildctl build</c> (v0.24.0 from ../shared/buildkit unless E2E_BUILDCTL and E2E_BUILDKIT_ADDR name
/// another; scripts/e2e-buildkit.sh starts it), images exported as OCI layouts and read here.
/// </summary>
internal sealed record Daemon(string Name, bool IsOld)
{
    public static readonly Daemon Docker = new("docker-20.10", IsOld: true);

    private static readonly Lazy<string?> Version = new(ReadVersion);

    public static Daemon BuildKit => new("buildkit-" + (Version.Value ?? "unknown"), IsOld: false);

    /// <summary>BuildKit v0.11 (dockerfile 1.5): the compatibility daemon, whose builtin role is a case's <c>newBuiltin</c>.</summary>
    public bool IsBuildKit011 => !IsOld && Version.Value is { } version && version.StartsWith("v0.11.", StringComparison.Ordinal);

    /// <summary>E2E_BUILDCTL, else ../shared/buildkit/v0.24.0/buildctl beside the repository; null when absent.</summary>
    public static string? Buildctl =>
        (Environment.GetEnvironmentVariable("E2E_BUILDCTL") is { Length: > 0 } path
            ? path
            : Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "buildkit", "v0.24.0", "buildctl"))) is var file && File.Exists(file) ? file : null;

    /// <summary>E2E_BUILDKIT_ADDR, else the socket scripts/e2e-buildkit.sh gives buildkitd.</summary>
    public static string BuildKitAddress =>
        Environment.GetEnvironmentVariable("E2E_BUILDKIT_ADDR") is { Length: > 0 } address ? address : "unix:///tmp/e2e-buildkit/buildkitd.sock";

    private static readonly Lazy<string?> MissingBuildKit = new(FindMissingBuildKit);

    /// <summary>Why the BuildKit daemon cannot be used, or null.</summary>
    public static string? BuildKitMissingReason => MissingBuildKit.Value;

    /// <summary>
    /// Runs a buildctl command again once when buildkitd went away under it: v0.11.6's builtin frontend can panic
    /// (nil pointer in provenanceBridge.ResolveImageConfig) and scripts/e2e-buildkit.sh restarts the daemon.
    /// </summary>
    public static DockerCli.Result RetryOnCrash(Func<DockerCli.Result> run)
    {
        var result = run();
        if (result.ExitCode != 0 && result.Output.Contains("code = Unavailable", StringComparison.Ordinal))
        {
            Thread.Sleep(TimeSpan.FromSeconds(3));
            result = run();
        }

        return result;
    }

    /// <summary>buildctl with the daemon's address in front of <paramref name="args"/>.</summary>
    public static DockerCli.Result RunBuildctl(IEnumerable<string> args, TimeSpan? timeout = null, byte[]? stdin = null) =>
        DockerCli.RunProgram(Buildctl!, ["--addr", BuildKitAddress, .. args], timeout, stdin);

    private static string? FindMissingBuildKit()
    {
        if (Buildctl is null)
        {
            return "no buildctl (set E2E_BUILDCTL, or put BuildKit v0.24.0 in ../shared/buildkit/v0.24.0)";
        }

        var workers = DockerCli.RunProgram(Buildctl, ["--addr", BuildKitAddress, "debug", "workers"], TimeSpan.FromSeconds(20));
        return workers.ExitCode == 0 ? null : $"no buildkitd answers at {BuildKitAddress} (scripts/e2e-buildkit.sh): {workers.Stderr.Trim()}";
    }

    /// <summary>The daemon's version from <c>buildctl debug info</c> (e.g. v0.24.0).</summary>
    private static string? ReadVersion()
    {
        if (Buildctl is null)
        {
            return null;
        }

        var info = DockerCli.RunProgram(Buildctl, ["--addr", BuildKitAddress, "debug", "info"], TimeSpan.FromSeconds(20));
        return info.ExitCode == 0
            ? info.Stdout.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries).FirstOrDefault(word => word.StartsWith("v0.", StringComparison.Ordinal))
            : null;
    }
}
