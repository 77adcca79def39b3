namespace CSharpFrontend.E2E.Tests;

/// <summary>
/// A daemon the suite builds with. <see cref="Docker"/>: Debian's dockerd 20.10 (builtin BuildKit about v0.8),
/// driven by <c>docker build</c>. <see cref="BuildKit"/>: a standalone buildkitd (v0.11.6) driven by
/// <c>buildctl build</c>, its images loaded into dockerd for inspection; only where E2E_BUILDCTL and E2E_BUILDKIT_ADDR
/// name them (scripts/e2e-buildkit.sh prepares one; not in CI, which has no BuildKit binaries).
/// </summary>
internal sealed record Daemon(string Name, bool IsOld)
{
    public static readonly Daemon Docker = new("docker-20.10", IsOld: true);

    public static readonly Daemon BuildKit = new("buildkit", IsOld: false);

    public static string? Buildctl => Environment.GetEnvironmentVariable("E2E_BUILDCTL") is { Length: > 0 } path && File.Exists(path) ? path : null;

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

    public static string? BuildKitAddress => Environment.GetEnvironmentVariable("E2E_BUILDKIT_ADDR") is { Length: > 0 } address ? address : null;
}
