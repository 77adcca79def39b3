using CSharpFrontend.Tests.Shared;

namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>A fact that runs Graphviz's <c>dot</c>; skipped, saying so, when <c>dot</c> is not on the PATH (failed then under <c>E2E_REQUIRED=1</c>).</summary>
public sealed class DotInstalledFactAttribute : FactAttribute
{
    public DotInstalledFactAttribute()
    {
        Skip = RequiredTools.SkipReason(Path is null ? Missing : null);
    }

    public const string Missing = "Graphviz `dot` is not installed (apt-get install -y graphviz); the DOT output was not rendered";

    /// <summary>The program; a test failure naming what is missing when there is none.</summary>
    public static string Required => RequiredTools.Need(Path, Missing);

    public static string? Path { get; } = Find();

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "dot"))
            .FirstOrDefault(File.Exists);
}
