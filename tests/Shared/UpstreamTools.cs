namespace CSharpFrontend.Tests.Shared;

/// <summary>
/// BuildKit v0.24.0's binaries, read in place (never copied into the project): <c>BUILDKIT_V024_DIR</c> when set, else
/// <c>../shared/buildkit/v0.24.0</c> beside the repository.
/// </summary>
internal static class UpstreamTools
{
    public static string Dir { get; } =
        Environment.GetEnvironmentVariable("BUILDKIT_V024_DIR") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.GetFullPath(Path.Combine(TestPaths.RepoRoot, "..", "shared", "buildkit", "v0.24.0"));

    /// <summary>v0.24.0's converter behind a small command line (the tool that made the v0.24 corpus).</summary>
    public static string Dockerfile2Llb => Path.Combine(Dir, "dockerfile2llb");

    /// <summary>The same with the labs features (<c>RUN --security</c>, <c>--device</c>, <c>COPY --parents</c>, <c>--exclude</c>).</summary>
    public static string Dockerfile2LlbLabs => Path.Combine(Dir, "dockerfile2llb-labs");
}
