using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>
/// A fact that needs BuildKit v0.24.0's <c>buildctl</c>: <c>BUILDCTL_V024</c> when set, else
/// <c>../shared/buildkit/v0.24.0/buildctl</c> (read in place); skipped when it is not a file, failed then under <c>E2E_REQUIRED=1</c>.
/// </summary>
public sealed class BuildctlV024FactAttribute : FactAttribute
{
    public BuildctlV024FactAttribute()
    {
        Skip = RequiredTools.SkipReason(Path is null ? Missing : null);
    }

    public const string Missing = "set BUILDCTL_V024 to a buildctl v0.24.0 binary to compare dumps with `buildctl debug dump-llb`";

    /// <summary>The binary; a test failure naming what is missing when there is none.</summary>
    public static string Required => RequiredTools.Need(Path, Missing);

    public static string? Path
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("BUILDCTL_V024") is { Length: > 0 } set
                ? set
                : System.IO.Path.Combine(TestPaths.RepoRoot, "..", "shared", "buildkit", "v0.24.0", "buildctl");
            return File.Exists(path) ? System.IO.Path.GetFullPath(path) : null;
        }
    }
}
