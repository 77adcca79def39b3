namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>
/// A fact that needs BuildKit v0.11.6's <c>buildctl</c>, named by the <c>BUILDCTL</c> environment variable;
/// skipped when it is not set or not a file.
/// </summary>
public sealed class BuildctlFactAttribute : FactAttribute
{
    public BuildctlFactAttribute()
    {
        if (Path is null)
        {
            Skip = "set BUILDCTL to a buildctl v0.11.6 binary to compare dumps with `buildctl debug dump-llb`";
        }
    }

    public static string? Path =>
        Environment.GetEnvironmentVariable("BUILDCTL") is { Length: > 0 } path && File.Exists(path) ? path : null;
}
