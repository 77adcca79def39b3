namespace CSharpFrontend.Tests.Shared;

/// <summary>Locations the tests read in place: the repository root and the shared conformance corpora.</summary>
internal static class TestPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The BuildKit v0.24.0 corpus: <c>CONFORMANCE_DIR</c> when set, else <c>../shared/conformance-v0.24</c>.</summary>
    public static string ConformanceDir { get; } = Locate("CONFORMANCE_DIR", "conformance-v0.24");

    /// <summary>The BuildKit v0.11.6 corpus: <c>CONFORMANCE_V011_DIR</c> when set, else <c>../shared/conformance</c>.</summary>
    public static string ConformanceV011Dir { get; } = Locate("CONFORMANCE_V011_DIR", "conformance");

    public static string CasesDir => Path.Combine(ConformanceDir, "cases");

    public static IEnumerable<string> CaseNames() =>
        Directory.EnumerateDirectories(CasesDir).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal);

    private static string Locate(string variable, string sharedName) =>
        Environment.GetEnvironmentVariable(variable) is { Length: > 0 } dir
            ? Path.GetFullPath(dir)
            : Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", sharedName));

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
