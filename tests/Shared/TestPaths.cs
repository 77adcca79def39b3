namespace CSharpFrontend.Tests.Shared;

/// <summary>Locations the tests read in place: the repository root and the shared conformance corpus.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>`CONFORMANCE_DIR` when set, else `../shared/conformance` beside the repository.</summary>
    public static string ConformanceDir { get; } =
        Environment.GetEnvironmentVariable("CONFORMANCE_DIR") is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", "conformance"));

    public static string CasesDir => Path.Combine(ConformanceDir, "cases");

    public static IEnumerable<string> CaseNames() =>
        Directory.EnumerateDirectories(CasesDir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Frontend.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Frontend.sln not found above " + AppContext.BaseDirectory);
    }
}
