namespace CSharpFrontend.E2E.Tests;

/// <summary>One line per case in out/e2e/summary.tsv (wall times, cache hits), for the reports.</summary>
internal static class E2ESummary
{
    private static readonly object Gate = new();
    private static readonly Lazy<string> File = new(() =>
    {
        var directory = Path.Combine(TestPaths.RepoRoot, "out", "e2e");
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, "summary.tsv");
        System.IO.File.WriteAllText(path, "daemon\tcase\trole\tours_seconds\tbuiltin_seconds\tresult\n");
        return path;
    });

    public static void Record(Daemon daemon, E2ECase @case, BuildOutcome? ours, BuildOutcome? builtin, string result)
    {
        var line = string.Join('\t', daemon.Name, @case.Name, @case.Fails is null ? @case.RoleOn(daemon).ToString() : "Fails",
            Seconds(ours), Seconds(builtin), result);
        lock (Gate)
        {
            System.IO.File.AppendAllText(File.Value, line + "\n");
        }
    }

    private static string Seconds(BuildOutcome? outcome) =>
        outcome?.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
