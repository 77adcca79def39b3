namespace CSharpFrontend.Frontend.Tests.Dump;

/// <summary>A fact that runs Graphviz's <c>dot</c>; skipped, saying so, when <c>dot</c> is not on the PATH.</summary>
public sealed class DotInstalledFactAttribute : FactAttribute
{
    public DotInstalledFactAttribute()
    {
        if (Path is null)
        {
            Skip = "Graphviz `dot` is not installed (apt-get install -y graphviz); the DOT output was not rendered";
        }
    }

    public static string? Path { get; } = Find();

    private static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, "dot"))
            .FirstOrDefault(File.Exists);
}
